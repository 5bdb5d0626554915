/*
 * Every match of a pattern that can only start at one character ("<" for an HTML tag), as
 * `text.matchAll(pattern)` gives them, found by jumping from one occurrence of that character to
 * the next with indexOf and trying a sticky copy of the pattern there. V8 runs a global regex at
 * every position of the answer when it has no literal prefix to skip by: on a 2,000-word answer
 * with one "<" that cost more than twenty times this.
 */

/** A sticky copy of `pattern`, made once per pattern (callers pass constants). */
const STICKY = new WeakMap<RegExp, RegExp>();

/** `pattern` without `g`, made sticky: tried at its lastIndex only. Shared by every "try it only here" scan. */
export function stickyOf(pattern: RegExp): RegExp {
  let sticky = STICKY.get(pattern);
  if (sticky === undefined) {
    sticky = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
    STICKY.set(pattern, sticky);
  }
  return sticky;
}

/**
 * The matches of `pattern` in `text`, left to right and not overlapping, as matchAll would give
 * them. Every match of `pattern` must start with `first` (one UTF-16 unit) and be non-empty.
 */
export function anchoredMatches(text: string, pattern: RegExp, first: string): RegExpExecArray[] {
  const sticky = stickyOf(pattern);
  const matches: RegExpExecArray[] = [];
  for (let at = text.indexOf(first); at !== -1; ) {
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (match === null) {
      at = text.indexOf(first, at + 1);
      continue;
    }
    matches.push(match);
    at = text.indexOf(first, at + match[0].length);
  }
  return matches;
}
