/**
 * Durations such as `6h`, `90m`, `4h30m`, as whole minutes.
 *
 * Reveal bounds: at least 15 minutes so people have time to answer, at most 23 hours so a
 * reveal lands before the next day's question on a daily schedule (a 23-hour day happens
 * once a year at the spring DST change; then reveal and next question may coincide).
 */
export const REVEAL_AFTER_MIN_MINUTES = 15;
export const REVEAL_AFTER_MAX_MINUTES = 23 * 60;
export const DEFAULT_REVEAL_AFTER_MINUTES = 8 * 60;

const DURATION = /^(?:(\d{1,3})h)?(?:(\d{1,4})m(?:in)?)?$/i;

/** Minutes, or undefined when the word is not a duration in this grammar. */
export function parseDuration(word: string): number | undefined {
  const match = DURATION.exec(word);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** `4h30m`, `6h`, `45m`: the same grammar `parseDuration` reads. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
}
