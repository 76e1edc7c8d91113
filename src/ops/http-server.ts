// The operator's HTTP endpoints: /healthz (the process answers), /readyz (the store and every bot
// are usable), /metrics (Prometheus). A Telegram webhook may share the port: other paths go to it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** One readiness check: its name, and whether it passes (a check that throws fails). */
export type ReadyCheck = readonly [name: string, check: () => boolean | Promise<boolean>];

/** How the server is built. */
export interface OpsServerOptions {
  readonly port: number;
  readonly host: string;
  readonly registry?: Registry;
  readonly checks: readonly ReadyCheck[];
}

/** The running server. */
export interface OpsServer {
  readonly address: AddressInfo;
  /** Every request not for the endpoints above goes here (a Telegram webhook); 404 without one. */
  mount(handler: http.RequestListener): void;
  close(): Promise<void>;
}

// A check that hangs (a database that stopped answering) counts as failed, and the probe still answers.
const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadyCheck[1]): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)),
  );
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Starts listening; rejects when the port cannot be had (in use, not allowed). */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  let mounted: http.RequestListener | undefined;
  const send = (res: http.ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, 'text/plain', 'ok\n');
    if (req.method === 'GET' && path === '/readyz') {
      void Promise.all(
        options.checks.map(async ([name, check]) => [name, await runCheck(check)] as const),
      ).then((results) => {
        const ready = results.every(([, ok]) => ok);
        send(
          res,
          ready ? 200 : 503,
          'application/json',
          JSON.stringify({ ready, checks: Object.fromEntries(results) }) + '\n',
        );
      });
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && options.registry) {
      const registry = options.registry;
      registry
        .metrics()
        .then((text) => send(res, 200, registry.contentType, text))
        // The store's error may say more than a probe should show: only the fact.
        .catch(() => send(res, 500, 'text/plain', 'metrics failed: the store did not answer\n'));
      return;
    }
    if (mounted) return mounted(req, res);
    send(res, 404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    mount: (handler) => void (mounted = handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
