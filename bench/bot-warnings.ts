import { cpus, loadavg } from 'node:os';
import { setLogSink } from '../src/infra/logger.ts';

export interface BotWarnings {
  /** Every warn/error log line the bot wrote during the run. */
  lines: string[];
  /** Puts the previous log sink back. */
  stop(): void;
}

/** Keeps the bot's warn/error log lines for the report instead of printing them over it. */
export function captureBotWarnings(): BotWarnings {
  const lines: string[] = [];
  const previous = setLogSink((line) => {
    if (line.includes('"level":"error"') || line.includes('"level":"warn"')) lines.push(line);
  });
  return { lines, stop: () => void setLogSink(previous) };
}

/** The report's last line: the bot's warning count and how busy the machine was. */
export function warningsAndLoadLine(warnings: number): string {
  return `${warnings} warn/error log lines from the bot; loopback only; load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
}
