import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/**
 * A private, throwaway redis-server: for the test suite, the benchmarks, and the tests
 * that stop and restart Redis on purpose. Never touches a server it did not start.
 */

/** A loopback port nothing listens on right now (also a reliable "Redis is down" address). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts redis-server on `port`, configured as BullMQ wants it. By default it keeps nothing
 * on disk; `aof` turns on the append-only file, fsynced on every write, as a restart test needs.
 */
export function spawnRedisServer(port: number, dir: string, options: { aof?: boolean } = {}): ChildProcess {
  const persistence = options.aof ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (is it installed?)`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/** A fresh redis-server on a free port, ready to use; `stop()` kills it and removes its folder. */
export async function startPrivateRedis(label = 'obs-redis'): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), `${label}-`));
  const child = spawnRedisServer(port, dir);
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, child, 10_000);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RestartableRedis extends PrivateRedis {
  /** SIGTERM (Redis's clean shutdown) and wait for the exit; the port is then closed. */
  halt(): Promise<void>;
  /** Starts it again on the same port and folder, and waits until it answers. */
  restart(): Promise<void>;
}

/**
 * A redis-server with AOF on (`appendfsync always`) in a folder of its own, which a test can
 * stop and start again on the same port and folder: what survives is what Redis persisted.
 */
export async function startRestartableRedis(label = 'obs-redis-aof'): Promise<RestartableRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), `${label}-`));
  const url = `redis://127.0.0.1:${port}`;
  let child = spawnRedisServer(port, dir, { aof: true });
  await waitForPing(url, child, 10_000);
  const halt = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    halt,
    async restart() {
      await halt();
      child = spawnRedisServer(port, dir, { aof: true });
      await waitForPing(url, child, 10_000);
    },
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
