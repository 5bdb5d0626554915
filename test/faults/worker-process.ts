import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `obs-bot worker` in a process of its own, started exactly as a deployment starts it
 * (bin/obs-bot.mjs, configured only through the environment), so a test can kill it
 * the hard way. Ready once it prints its "running" line.
 */
const BIN = fileURLToPath(new URL('../../bin/obs-bot.mjs', import.meta.url));
const CWD = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote to stderr (its log lines) and stdout, for failure messages. */
  output: string[];
  /** SIGKILL: no drain, no close, nothing recorded after this instant. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (a clean stop); no-op when already gone. */
  stop(): Promise<number | null>;
}

export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 45_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    cwd: CWD,
    // Only what the worker needs: no stray Slack or Discord settings from the caller's shell.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', METRICS_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (text.includes('obs-bot worker running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });
  return {
    child,
    output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}
