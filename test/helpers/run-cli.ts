import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve('bin/obs-bot.mjs');

/** Runs the real `obs-bot` binary as a user would, with optional piped standard input. */
export async function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; script?: string[] } = {}): Promise<CliRun> {
  const command = options.script ?? [BIN, ...args];
  const child = spawn(process.execPath, command, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** Runs `main` in this process with captured IO: same code path as the binary, minus the spawn. */
export async function runCliInProcess(args: string[], input = ''): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.ts');
  const { Readable } = await import('node:stream');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: Readable.from([input]),
    interactive: false,
  });
  return { code, stdout, stderr };
}
