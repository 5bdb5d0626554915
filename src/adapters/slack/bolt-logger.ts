import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger, LogLevel as OurLevel } from '../../infra/logger.ts';
import { redact } from '../../infra/redact.ts';

const ORDER: Record<OurLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_ARG_CHARS = 2_000;

/** Bolt logs strings, Errors and whole payloads; each becomes redacted text, never a stack trace. */
function describe(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) {
    const code = (arg as { code?: unknown }).code;
    return `${arg.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${arg.message}`;
  }
  try {
    // `redact` masks secret-named keys (token, signing…) before the object becomes text.
    const text = JSON.stringify(redact(arg)) ?? String(arg);
    return text.length > MAX_ARG_CHARS ? `${text.slice(0, MAX_ARG_CHARS)}…` : text;
  } catch {
    return '[unprintable]';
  }
}

function toOurLevel(level: LogLevel): OurLevel {
  return level === LogLevel.DEBUG ? 'debug' : level === LogLevel.INFO ? 'info' : level === LogLevel.WARN ? 'warn' : 'error';
}

/**
 * Bolt, its HTTP receiver, Socket Mode client and WebClient all log through this, so their
 * lines reach our sink redacted (configured tokens masked verbatim) and in our JSON format.
 */
export function createBoltLogger(base: Logger, initialLevel: OurLevel): BoltLogger {
  let level: OurLevel = initialLevel;
  let name = 'bolt';
  const write = (lvl: OurLevel, args: unknown[]): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    base[lvl](args.map(describe).join(' '), { component: name });
  };
  return {
    debug: (...args: unknown[]) => write('debug', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    setLevel: (next: LogLevel) => {
      level = toOurLevel(next);
    },
    getLevel: () => (level === 'debug' ? LogLevel.DEBUG : level === 'info' ? LogLevel.INFO : level === 'warn' ? LogLevel.WARN : LogLevel.ERROR),
    setName: (next: string) => {
      name = next;
    },
  };
}
