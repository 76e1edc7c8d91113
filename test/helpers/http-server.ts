import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 for tests: routes by path, records what it was asked. */
export interface TestServer {
  readonly origin: string;
  readonly port: number;
  readonly requests: SeenRequest[];
  url(path: string): string;
  /** Adds or replaces the handler for a path (query string ignored). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port of 127.0.0.1; unknown paths answer 404. */
export async function startTestServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void table.set(path, handler),
    async close() {
      // Trickling and streaming handlers keep sockets open; they must not hold up the test run.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers with a fixed body and headers. */
export function respond(
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

/** Counts of what a streaming handler managed to send before the client hung up. */
export interface StreamTally {
  bytesWritten: number;
  finished: boolean;
  closed: Promise<void>;
}

/**
 * Streams `totalBytes` of `chunk` repeated, honouring backpressure, without ever holding more
 * than one chunk in memory. The tally shows how much went out before the client gave up.
 */
export function streamRepeated(
  chunk: Buffer,
  totalBytes: number,
  headers: Record<string, string>,
): { handler: Handler; tally: StreamTally } {
  let markClosed: () => void = () => {};
  const tally: StreamTally = {
    bytesWritten: 0,
    finished: false,
    closed: new Promise<void>((resolve) => (markClosed = resolve)),
  };
  const handler: Handler = (_req, res) => {
    res.writeHead(200, headers);
    res.on('close', markClosed);
    const pump = () => {
      while (tally.bytesWritten < totalBytes && !res.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - tally.bytesWritten));
        tally.bytesWritten += piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) {
        tally.finished = true;
        res.end();
      }
    };
    pump();
  };
  return { handler, tally };
}
