import { cpus, loadavg } from 'node:os';

/** How busy the machine was, for a report's last line: figures from a loaded machine are not a quiet one's. */
export function loadLine(): string {
  return `loopback only; load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} CPUs`;
}
