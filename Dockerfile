# newsdesk in a container: docs/operations.md. Build: docker build -t newsdesk .
# Run: docker run -d -v newsdesk-data:/data -p 8080:8080 --env-file .env newsdesk
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 builds its native module when no prebuilt one can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# tini is PID 1: it passes SIGTERM on to Node and reaps children, so `docker stop` is a clean stop.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEWSDESK_DATA_DIR=/data \
    HTTP_PORT=8080 \
    HTTP_HOST=0.0.0.0 \
    TELEGRAM_WEBHOOK_HOST=0.0.0.0
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/newsdesk.js", "start"]
