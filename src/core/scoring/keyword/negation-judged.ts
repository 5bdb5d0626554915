import { markRejected, type Span } from './negation-marks.ts';
import { normAt, type Tokens } from './tokenize.ts';

/*
 * An idea judged by what it costs or breaks, then replaced by the candidate's own plan in the
 * next sentence: "X is a sledgehammer for a thumbtack. Agents ship straight to Elasticsearch.",
 * "X means the migration never ends. We'll set a date and flip everyone at once.", "X cost a
 * fortune and mostly tell you the internet is flaky. We rely on RUM."
 * Two signals must meet: the first sentence judges from outside (a word of harm, waste or
 * unreality, and no "we"/"I" in it: "We run X; it costs memory" is the candidate's own design),
 * and the next one is the candidate's plan that does not build on the first ("We'll run it at
 * the gateway" points back with "it" and keeps X). What is rejected is the first sentence up to
 * its judgement: the idea is its subject.
 * Writes 1 + the index of its cue token into `out` for every rejected token no earlier rule claimed.
 */

/** Words that judge an idea by its harm, waste or unreality. */
export const HARM_WORDS: ReadonlySet<string> = new Set([
  'outage', 'outages', 'paralysis', 'fortune', 'fire', 'tickets', 'toil', 'theatre', 'theater', 'cosplay', 'sledgehammer',
  'nightmare', 'mess', 'trap', 'tax', 'turtles', 'noise', 'churn', 'headache', 'burden', 'liability', 'distraction', 'gimmick',
  'fantasy', 'myth', 'bureaucracy', 'ceremony', 'never', 'nobody', 'doubles', 'triples', 'breaks', 'fails', 'lies', 'stale',
  'rots', 'drifts', 'confused', 'confuses', 'explodes', 'riot', 'useless', 'pointless', 'bloated', 'flaky', 'fragile', 'brittle',
  'wrong', 'lose', 'waste', 'overhead', 'guesswork', 'busywork', 'overkill', 'excited', 'vanity', 'dead', 'forever', 'impossible',
  'unmaintainable', 'misleading', 'mislead', 'hides', 'hide', 'blind', 'throttled', 'fork', 'forks', 'laugh', 'hate', 'hates',
  'break', 'nothing',
]);
/** How the candidate's own plan opens: "We'll...", "Agents ship...", "Let teams pick...", "Keep raw forever.". */
const PLAN_OPENERS: ReadonlySet<string> = new Set([
  'we', 'well', 'wed', 'ill', 'id', 'i', 'lets', 'let', 'our', 'ship', 'keep', 'pick', 'stick', 'go', 'rely', 'pay', 'page', 'alert',
  'use', 'run', 'set', 'put', 'just', 'instead', 'so',
]);
/** Words of the first person: a sentence holding one is the candidate's own design, not a judgement of an idea. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'i', 'our', 'us', 'my', 'me', 'id', 'wed', 'ill', 'well', 'im', 'were', 'ive', 'weve', 'lets']);
/** Pronouns by which the plan builds on the sentence before: "We'll run it at the gateway". */
const BUILDING_ON: ReadonlySet<string> = new Set(['it', 'them', 'those', 'these', 'this', 'that', 'both', 'anyway', 'still', 'also', 'too']);
/** Double negatives in the judgement: "without X we lose errors", "never drop errors" argue for X. */
const ABSENCES: ReadonlySet<string> = new Set(['without', 'unless', 'no', 'not', 'dont', 'cant', 'isnt', 'until']);
const MAX_JUDGED = 30;

/** The first harm word of [start, end), or -1 when the sentence speaks for the candidate or argues by an absence. */
function judgement(tokens: Tokens, start: number, end: number): number {
  if (end - start > MAX_JUDGED) return -1;
  let harm = -1;
  for (let index = start; index < end; index += 1) {
    const word = normAt(tokens, index);
    if (FIRST_PERSON.has(word) || ABSENCES.has(word)) return -1;
    if (harm < 0 && index > start && HARM_WORDS.has(word)) harm = index;
  }
  return harm;
}

/** The sentence [start, end) is the candidate's plan and names nothing from the one before. */
function replacingPlan(tokens: Tokens, start: number, end: number): boolean {
  if (!PLAN_OPENERS.has(normAt(tokens, start))) return false;
  for (let index = start; index < end; index += 1) if (BUILDING_ON.has(normAt(tokens, index))) return false;
  return true;
}

/** "X breaks every release. We'll set a date instead of waves." read at `sentence`, the plan, against `previous`. */
export function markJudgedThenReplaced(tokens: Tokens, out: Int32Array, sentence: Span, previous: Span | undefined): void {
  // A judgement longer than MAX_JUDGED is none (see judgement): tested first, before the plan's words are read.
  if (!previous || previous.end - previous.start > MAX_JUDGED || !replacingPlan(tokens, sentence.start, sentence.end)) return;
  const harm = judgement(tokens, previous.start, previous.end);
  if (harm >= 0) markRejected(out, previous.start, harm, sentence.start);
}
