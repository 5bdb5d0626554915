import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redact, redactString } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The interface every caller uses; pino sits behind it, so callers never import pino. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stderr.write(`${line}\n`);

/** Tests capture every log line here to prove secrets stay out. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** pino writes each JSON line here; the sink is looked up per line so setLogSink reaches every logger. */
const destination: DestinationStream = {
  write(chunk: string) {
    sink(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
  },
};

/**
 * Fields every line carries while a piece of work runs (a job's id, its session), however
 * far down the call chain the logger was made: the senders, the scorer and the stores hold
 * loggers created at start-up, which a child logger per job cannot reach.
 */
const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs `work` with `fields` on every log line written during it (nested calls add theirs). */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => T): T {
  // A fresh object per run: addLogContext writes into it, and must not reach the caller's or the outer run's.
  return logContext.run({ ...logContext.getStore(), ...fields }, work);
}

/**
 * Adds fields for the rest of the current run, e.g. the session a command has just started:
 * every later line of the job carries its id. Outside a run it does nothing.
 */
export function addLogContext(fields: Record<string, unknown>): void {
  const store = logContext.getStore();
  if (store) Object.assign(store, fields);
}

/** pino merges this into each line; a copy, because pino's merge writes into it. Fields passed to the call win. */
function contextFields(): Record<string, unknown> {
  const store = logContext.getStore();
  return store ? { ...store } : {};
}

const CENSOR = '[REDACTED]';
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'signingSecret', 'secret', 'apiKey', 'password', 'authorization', 'cookie'];
const ANSWER_FIELDS = ['answer', 'answerText', 'text'];

/**
 * pino's `redact` paths, the first layer: the field names that carry tokens, keys and answer
 * text, at the top level, one level down (`job.answer`) and in HTTP headers. Deeper or
 * unexpected places are caught by the second layer, `redact()` in the log formatter, which
 * also masks credentials that appear inside strings (a token in an error message).
 */
export const REDACT_PATHS: readonly string[] = [
  ...[...SECRET_FIELDS, ...ANSWER_FIELDS].flatMap((field) => [field, `*.${field}`]),
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
];

const LEVEL_VALUES: Record<LogLevel, true> = { debug: true, info: true, warn: true, error: true };

function levelOf(level: string | undefined): LogLevel {
  return level !== undefined && level in LEVEL_VALUES ? (level as LogLevel) : 'info';
}

function build(level: LogLevel): PinoLogger {
  return pino(
    {
      level,
      // No pid/hostname: the container runtime adds them; lines stay small.
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      mixin: contextFields,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
      redact: { paths: [...REDACT_PATHS], censor: CENSOR },
    },
    destination,
  );
}

/**
 * A Logger over a pino logger made on first use. A worker makes a child logger per job (and
 * the handler one more), and most jobs write no line at the configured level: pino's child
 * (its bindings serialised through the redact paths) cost 2% of a worker's CPU for nothing.
 * So a child is only made when it writes a line at an enabled level (or a descendant does).
 * A class, not closures: a child is then one small object, where five closures per child
 * (two children per job) showed in the worker's profile.
 */
class LazyLogger implements Logger {
  private made: PinoLogger | undefined;

  constructor(
    /** Makes this logger's pino logger; called at most once. */
    private readonly resolve: () => PinoLogger,
    /** The root's: children share its level (nothing here sets a child's own). */
    private readonly root: PinoLogger,
  ) {}

  private pino(): PinoLogger {
    return (this.made ??= this.resolve());
  }

  private write(level: LogLevel, message: string, fields: Record<string, unknown> | undefined): void {
    if (!this.root.isLevelEnabled(level)) return;
    this.pino()[level](fields ?? {}, redactString(message));
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }

  child(fields: Record<string, unknown>): Logger {
    // Copied now, so a caller changing its object later does not change the bindings;
    // redacted once, when the child is first made (pino's bindings formatter only sees
    // the root's): most children never write, and two per job redacted for nothing.
    const bindings = { ...fields };
    return new LazyLogger(() => this.pino().child(redact(bindings) as Record<string, unknown>), this.root);
  }
}

/** JSON lines on stderr through pino: `redact` paths, then every field through `redact()`. */
export function createLogger(base: Record<string, unknown> = {}, level: LogLevel = levelOf(process.env.LOG_LEVEL)): Logger {
  const root = build(levelOf(level)).child(redact(base) as Record<string, unknown>);
  return new LazyLogger(() => root, root);
}

export const logger = createLogger({ app: 'obs-bot' });
