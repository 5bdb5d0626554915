import { TRAILING_MODIFIERS, GENERIC_ADJECTIVES, isAdverb, LEADING_VERBS, STOP_WORDS, VERBS } from './words.ts';

/**
 * Cheap noun-phrase chunking for one sentence: split the words at function words, verbs,
 * numbers and punctuation, and what is left between the splits is usually a technical noun
 * phrase ("tail-based sampling", "W3C Trace Context headers"). No tagger: the result is a
 * draft that an author edits, so simple and predictable beats clever.
 */
export interface Token {
  text: string;
  /** True when something other than spaces (a comma, a bracket, a colon) comes before it. */
  afterPunctuation: boolean;
  /** True for the first word of the sentence, or the first after a colon, an opening quote, "and", "or" or "then". */
  clauseStart: boolean;
}

const WORD = /[\p{L}\p{N}_][\p{L}\p{N}_'’\-/+.%]*/gu;
const CLAUSE_JOINERS = new Set(['and', 'or', 'then']);

/**
 * Removes `code` so its insides never read as prose; a comma keeps it a phrase boundary.
 * A lone identifier such as `memory_limiter` stays, as a word: it usually names the thing.
 */
export function withoutCode(text: string): string {
  return text.replace(/`([^`]*)`/g, (_span, inner: string) => (/^[A-Za-z][\w.-]*$/.test(inner) ? inner : ' , '));
}

export function tokenize(sentence: string): Token[] {
  const text = withoutCode(sentence);
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(previousEnd, match.index);
    const word = match[0].replace(/[.'’\-/]+$/, '');
    previousEnd = match.index + match[0].length;
    if (word === '') continue;
    tokens.push({
      text: word,
      afterPunctuation: tokens.length > 0 && /\S/.test(gap),
      clauseStart: tokens.length === 0 || /[:"“]\s*$/.test(gap) || CLAUSE_JOINERS.has(tokens.at(-1)?.text.toLowerCase() ?? ''),
    });
  }
  return tokens;
}

function breaksPhrase(token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (STOP_WORDS.has(lower) || VERBS.has(lower) || isAdverb(lower)) return true;
  if (/^[\d$]/.test(token.text)) return true;
  return token.clauseStart && LEADING_VERBS.has(lower);
}

/** Runs of phrase words in the sentence, in order, original case kept. */
export function phraseRuns(sentence: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const token of tokenize(sentence)) {
    if (token.afterPunctuation || breaksPhrase(token)) {
      if (current.length > 0) runs.push(current);
      current = [];
    }
    if (!breaksPhrase(token)) current.push(token.text);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * Drops vague leading adjectives ("appropriate storage scaling") and trailing participles
 * ("models trained") so the phrase matches more real answers.
 */
export function trimRun(run: string[]): string[] {
  let start = 0;
  let end = run.length;
  while (start < end - 1 && GENERIC_ADJECTIVES.has(run[start]?.toLowerCase() ?? '')) start += 1;
  while (end - start > 1 && (/[a-z]ed$/.test(run[end - 1] ?? '') || TRAILING_MODIFIERS.has(run[end - 1]?.toLowerCase() ?? ''))) end -= 1;
  return run.slice(start, end);
}

/** Content words (not function words or verbs), lowercase, in order; the last-resort evidence. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .map((token) => token.text.toLowerCase())
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word) && !VERBS.has(word) && !LEADING_VERBS.has(word) && !isAdverb(word) && !/^\d/.test(word));
}
