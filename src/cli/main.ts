import { ContentError, formatContentIssue, isUserError } from '../core/errors.ts';
import { logger } from '../infra/logger.ts';
import { EXIT_BUG, EXIT_CONFIG, isPlatformUnreachable } from '../infra/startup.ts';
import { stopQuietlyWhenReaderCloses } from './closed-pipe.ts';
import { commands, type CommandEntry } from './commands/index.ts';
import type { CliIO } from './types.ts';

function processIO(): CliIO {
  stopQuietlyWhenReaderCloses(process.stdout);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
  };
}

/** The longest command path that prefixes argv wins, so `content lint` beats `content`. */
function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  const matches = commands.filter((entry) => entry.path.every((word, index) => argv[index] === word));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best ? { entry: best, rest: argv.slice(best.path.length) } : undefined;
}

export async function usageText(): Promise<string> {
  const loaded = await Promise.all(commands.map((entry) => entry.load()));
  const width = Math.max(...loaded.map((command) => command.usage.length));
  return ['usage: obs-bot <command> [options]', '', ...loaded.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`), ''].join('\n');
}

/**
 * Runs one CLI invocation and returns its exit code. User mistakes print one clear message
 * and exit 1; a platform unreachable at start-up (after retries) exits 69; anything else is a
 * bug, logged (redacted) with exit 70, never a raw stack trace.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(await usageText());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`obs-bot: unknown command "${argv.join(' ')}"\n\n${await usageText()}`);
    return 2;
  }
  const name = found.entry.path.join(' ');
  try {
    const command = await found.entry.load();
    return await command.run(found.rest, io);
  } catch (error) {
    if (error instanceof ContentError) {
      for (const issue of error.issues) io.stderr(`${formatContentIssue(issue)}\n`);
      return 1;
    }
    if (isUserError(error)) {
      io.stderr(`obs-bot: ${error.message}\n`);
      return EXIT_CONFIG;
    }
    if (isPlatformUnreachable(error)) {
      io.stderr(`obs-bot ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    logger.error('command failed', { command: name, error });
    io.stderr(`obs-bot: unexpected error in "${name}": ${(error as Error).message ?? String(error)}\n`);
    return EXIT_BUG;
  }
}
