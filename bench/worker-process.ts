import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startPrivateRedis, type PrivateRedis } from '../test/helpers/redis-server.ts';

/** REDIS_URL when set (with a unique prefix); otherwise a private redis-server for the run. */
export async function startBenchRedis(): Promise<PrivateRedis> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  return await startPrivateRedis('obs-bench-redis');
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
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process did not start within 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}`));
    });
  });
  return {
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
