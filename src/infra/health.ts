import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './metrics.ts';

/**
 * /healthz, /readyz and /metrics, the same in every process: the bot serves them on its
 * HTTP port (as Bolt custom routes), the worker on METRICS_PORT (startOpsServer).
 * - /healthz: the process is alive and its event loop answers. Always 200.
 * - /readyz: every dependency answers (Redis, each configured platform): 200, else 503 with
 *   which one failed, so a load balancer stops sending work to it.
 * - /metrics: prom-client's registry in the Prometheus text format.
 */
export interface ReadinessCheck {
  name: string;
  /** True when ready. May be async; it is given CHECK_TIMEOUT_MS to answer. */
  check: () => boolean | Promise<boolean>;
}

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';
export const DEFAULT_METRICS_PORT = 9464;
const CHECK_TIMEOUT_MS = 1_000;

async function runCheck(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(check.check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(checks: readonly ReadinessCheck[]): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
  const results = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check)] as const));
  return { ready: results.every(([, ok]) => ok), checks: Object.fromEntries(results) };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

export function serveHealth(_req: IncomingMessage, res: ServerResponse): void {
  send(res, 200, 'text/plain', 'ok');
}

export async function serveReadiness(res: ServerResponse, checks: readonly ReadinessCheck[]): Promise<void> {
  const result = await readiness(checks);
  send(res, result.ready ? 200 : 503, 'application/json', JSON.stringify(result));
}

export async function serveMetrics(res: ServerResponse): Promise<void> {
  send(res, 200, registry.contentType, await registry.metrics());
}

/** Handles one of the three paths; false for any other, so a caller can 404 it. */
export async function handleOpsRequest(req: IncomingMessage, res: ServerResponse, checks: readonly ReadinessCheck[]): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === HEALTH_PATH) serveHealth(req, res);
  else if (path === READY_PATH) await serveReadiness(res, checks);
  else if (path === METRICS_PATH) await serveMetrics(res);
  else return false;
  return true;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** The worker's small HTTP server for the three paths; everything else is 404. */
export async function startOpsServer(options: { port: number; host?: string; checks: readonly ReadinessCheck[] }): Promise<OpsServer> {
  const server = createServer((req, res) => {
    handleOpsRequest(req, res, options.checks)
      .then((handled) => {
        if (!handled) send(res, 404, 'text/plain', 'not found');
      })
      .catch(() => send(res, 500, 'text/plain', 'error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
