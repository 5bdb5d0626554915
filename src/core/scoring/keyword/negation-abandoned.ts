import { gapHas, markRejected, type Span } from './negation-marks.ts';
import { ABANDONING } from './negation-rule-words.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * An idea told as something tried and then given up, where the verdict is a verb of abandoning
 * aimed at "it"/"them" rather than a negating word: "We did rps-based HPA at my last job, it
 * flapped and we ripped it out.", "Chargeback we tried; it became six months of arguing and we
 * dropped it.", "We ran one latency experiment and never did it again." The trial must be told
 * (tried, did, ran, built, had, "at my last job") in the same sentence, or the abandoning sentence
 * must follow it on the same line: "we dropped it" alone may be what a design does to data. What is
 * rejected runs from the sentence's start (the previous sentence's, when the abandoning one only
 * holds the verdict) to the clause that abandons. Each writes 1 + the index of its cue token into
 * `out` for every rejected token no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;

/** Words that tell an idea was tried: "we tried X", "we did X at my last job", "we had X". */
const TRIAL_WORDS: ReadonlySet<string> = new Set(['tried', 'trialled', 'trialed', 'piloted', 'did', 'ran', 'built', 'had', 'last', 'previous', 'used']);
/** Who abandons: the candidate or their team. */
const ABANDONERS: ReadonlySet<string> = new Set(['we', 'i', 'they', 'team', 'everyone', 'people', 'so', 'and', 'then', 'eventually', 'finally', 'quickly']);
/** Words that refuse the abandoning itself. */
const DENIALS: ReadonlySet<string> = new Set(['never', 'not', 'wouldnt', 'didnt', 'havent', 'hasnt', 'wont', 'nobody', 'no']);
/** What "it" may be: the idea named before. */
const POINTING: ReadonlySet<string> = new Set(['it', 'them', 'that', 'those']);
/** Particles that finish an abandoning verb: "ripped it out", "turned it off", "rolled it back", "gave up on it". */
const PARTICLES: ReadonlyMap<string, string> = new Map([['ripped', 'out'], ['tore', 'out'], ['turned', 'off'], ['switched', 'off'], ['rolled', 'back'], ['pulled', 'out']]);

/** The abandoning clause's verb at `at` points back: "dropped it", "ripped it out", "never did it again", "gave up on it". Returns the clause's start or -1. */
function abandoningClause(tokens: Tokens, at: number, start: number, end: number): number {
  const word = normAt(tokens, at);
  let object = at + 1;
  if (word === 'gave' && normAt(tokens, at + 1) === 'up' && normAt(tokens, at + 2) === 'on') object = at + 3;
  if (!POINTING.has(normAt(tokens, object))) return -1;
  const particle = PARTICLES.get(word);
  if (particle !== undefined && normAt(tokens, object + 1) !== particle) return -1;
  if (word === 'did' && (normAt(tokens, at - 1) !== 'never' || normAt(tokens, object + 1) !== 'again')) return -1;
  // The clause ends after the verdict: "we dropped it." / "...and we dropped it, CPU works" (not "dropped it into S3").
  const after = object + (particle !== undefined || word === 'did' ? 2 : 1);
  if (after < end && !gapHas(tokens, after, CLAUSE_GAPS) && normAt(tokens, after) !== 'again' && normAt(tokens, after) !== 'entirely' && normAt(tokens, after) !== 'completely') return -1;
  // "would never have dropped it", "never turned it off": a refused abandonment keeps the idea.
  if (word !== 'did') for (let back = at - 1; back >= start && back >= at - 3; back -= 1) if (DENIALS.has(normAt(tokens, back))) return -1;
  let from = word === 'did' ? at - 1 : at;
  if (from <= start || !ABANDONERS.has(normAt(tokens, from - 1))) return from === start ? start : -1;
  while (from > start && ABANDONERS.has(normAt(tokens, from - 1)) && !gapHas(tokens, from, CLAUSE_GAPS)) from -= 1;
  return from;
}

function toldAsTried(tokens: Tokens, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (TRIAL_WORDS.has(normAt(tokens, at))) return true;
  return false;
}

/** The abandonments in `sentence`; `triggered`: it holds one of ABANDONING. */
export function markAbandoned(tokens: Tokens, out: Int32Array, sentence: Span, previous: Span | undefined, triggered: boolean): void {
  if (!triggered) return;
  const { start, end } = sentence;
  for (let at = start; at < end; at += 1) {
    if (!ABANDONING.has(normAt(tokens, at))) continue;
    const clause = abandoningClause(tokens, at, start, end);
    if (clause < 0) continue;
    if (clause > start && toldAsTried(tokens, start, clause)) {
      markRejected(out, start, clause, at);
    } else if (clause === start && previous && toldAsTried(tokens, previous.start, previous.end)) {
      markRejected(out, previous.start, previous.end, at);
    } else if (clause > start && previous && toldAsTried(tokens, previous.start, previous.end)) {
      markRejected(out, previous.start, clause, at);
    }
    return;
  }
}
