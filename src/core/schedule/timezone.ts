/**
 * Which timezone names a channel may use. A schedule follows its team's zone, never the
 * server's, so the zone is always an explicit IANA name.
 *
 * We accept `UTC` and any `Area/Location` name Intl accepts, and refuse every other
 * slash-less name even when Intl accepts it. Intl maps abbreviations to one arbitrary city:
 * on Node 20, `BST` becomes Asia/Dhaka (not London), `IST` Asia/Calcutta (not Dublin or
 * Jerusalem), `EST` America/Panama (which has no DST, so a New York team would drift an
 * hour every summer). Fixed offsets such as `UTC+1` are refused for the same DST reason.
 */

export type TimeZoneCheck =
  | { kind: 'zone'; zone: string }
  /** An abbreviation or legacy slash-less name: CET, EST, PST, IST, GB, Japan. */
  | { kind: 'abbreviation' }
  /** A fixed offset: UTC+1, GMT-5, +05:30. */
  | { kind: 'offset' }
  /** Looks like Area/City but no such zone exists. */
  | { kind: 'unknown-zone' }
  /** Not a timezone at all. */
  | { kind: 'not-a-zone' };

/** Answers per name: building an Intl.DateTimeFormat is costly and schedules are checked on every read. */
const validity = new Map<string, boolean>();
const MAX_REMEMBERED = 1_000;

export function isValidTimeZone(name: string): boolean {
  const known = validity.get(name);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    valid = true;
  } catch {
    valid = false;
  }
  // Bounded, because names arrive from users: a flood of made-up ones must not grow memory.
  if (validity.size < MAX_REMEMBERED) validity.set(name, valid);
  return valid;
}

let canonicalByLowerCase: Map<string, string> | undefined;

/**
 * The usual spelling of a zone the user typed in any case: `europe/berlin` → `Europe/Berlin`.
 * We keep the user's name rather than Intl's resolved one, because Node 20's ICU resolves
 * current names to legacy ones (Asia/Kolkata → Asia/Calcutta, Europe/Kyiv → Europe/Kiev).
 */
function spell(name: string): string {
  canonicalByLowerCase ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  const known = canonicalByLowerCase.get(name.toLowerCase());
  if (known) return known;
  if (name !== name.toLowerCase()) return name;
  // An alias typed in lower case (asia/kolkata): capitalise each word, keep it if still valid.
  const titled = name.replace(/(^|[/_-])([a-z])/g, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
  return isValidTimeZone(titled) ? titled : name;
}

const OFFSET = /^(?:(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{1,2}(?::?\d{2})?)$/i;

export function checkTimeZone(word: string): TimeZoneCheck {
  if (word.toLowerCase() === 'utc' || word.toLowerCase() === 'etc/utc') return { kind: 'zone', zone: 'UTC' };
  if (OFFSET.test(word)) return { kind: 'offset' };
  if (word.includes('/')) return isValidTimeZone(word) ? { kind: 'zone', zone: spell(word) } : { kind: 'unknown-zone' };
  // All capitals (BST, CEST, AEST) reads as an abbreviation even where Intl does not know it.
  if (isValidTimeZone(word) || /^[A-Z]{2,5}$/.test(word)) return { kind: 'abbreviation' };
  return { kind: 'not-a-zone' };
}
