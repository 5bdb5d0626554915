import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startPrivateRedis, type PrivateRedis } from '../test/helpers/redis-server.ts';

/** REDIS_URL when set (with a unique prefix); otherwise a private redis-server for the run. */
export async function startBenchRedis(): Promise<PrivateRedis> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  return await startPrivateRedis('obs-bench-redis');
}

/**
 * Resolves once the child prints `marker` on stdout; rejects when it exits first or stays
 * silent for `timeoutMs`, naming `what` and adding `details()` (say, the start of its stderr).
 */
export async function waitForOutput(child: ChildProcess, marker: string, what: string, timeoutMs: number, details: () => string = () => ''): Promise<void> {
  const suffix = (): string => (details() ? `: ${details()}` : '');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1_000} s${suffix()}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}${suffix()}`));
    });
  });
}

export interface WorkerHandle {
  close(): Promise<void>;
}

/**
 * A worker child (see worker-child.ts) in its own process: the bot's event loop then carries
 * only the acks. Resolves once the child prints "ready"; `close` stops it with SIGTERM.
 */
export async function startWorkerProcess(script: string, env: Record<string, string>): Promise<WorkerHandle> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await waitForOutput(child, 'ready', 'worker process', 30_000);
  return {
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
