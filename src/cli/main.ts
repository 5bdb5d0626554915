import { ContentError, formatContentIssue, isUserError } from '../core/errors.ts';
import { logger } from '../infra/logger.ts';
import { commands } from './commands/index.ts';
import type { CliCommand, CliIO } from './types.ts';

function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
  };
}

/** The longest command path that prefixes argv wins, so `content lint` beats `content`. */
function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  const matches = commands.filter((command) => command.path.every((word, index) => argv[index] === word));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best ? { command: best, rest: argv.slice(best.path.length) } : undefined;
}

export function usageText(): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  return ['usage: obs-bot <command> [options]', '', ...commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`), ''].join('\n');
}

/**
 * Runs one CLI invocation and returns its exit code. User mistakes print one clear message
 * and exit 1; anything else is a bug, logged (redacted) with exit 70, never a raw stack trace.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(usageText());
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`obs-bot: unknown command "${argv.join(' ')}"\n\n${usageText()}`);
    return 2;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    if (error instanceof ContentError) {
      for (const issue of error.issues) io.stderr(`${formatContentIssue(issue)}\n`);
      return 1;
    }
    if (isUserError(error)) {
      io.stderr(`obs-bot: ${error.message}\n`);
      return 1;
    }
    logger.error('command failed', { command: found.command.path.join(' '), error });
    io.stderr(`obs-bot: unexpected error in "${found.command.path.join(' ')}": ${(error as Error).message ?? String(error)}\n`);
    return 70;
  }
}
