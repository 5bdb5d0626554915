import { isGenericEvidence } from '../evidence-lint.ts';
import { contentWords, phraseRuns, tokenize, trimRun, withoutCode } from './phrases.ts';
import { splitSentences } from './sentences.ts';
import { NOT_ACRONYMS, STOP_WORDS, VERBS } from './words.ts';

/**
 * Evidence phrases for a rubric point, drafted from the prose it came from. The keyword
 * scorer looks for these in real answers, so they are lowercase and short: tool names,
 * technical noun phrases, acronyms, identifiers from `code`, and numbers with units.
 */
export interface Evidence {
  phrases: string[];
  /** How many tool names, acronyms, identifiers and numbers the text holds; ranks how technical a point is. */
  technical: number;
}

export const MAX_EVIDENCE = 8;

const UNIT = String.raw`(?:%|x|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?|tb|gb|mb|kb|pb|k|b|rps|qps)`;
const PER = String.raw`(?:\/(?:s|sec|second|min|minute|h|hour|day|week|month|year))?`;
const NUM = String.raw`\$?\d+(?:[.,]\d+)*`;
const NUMBER_WITH_UNIT = new RegExp(String.raw`(?<![\w.$])${NUM}${UNIT}?(?:\s*[-–]\s*${NUM})?\+?\s?${UNIT}${PER}(?![\w])`, 'gi');
const PERCENTILE = /(?<![\w])p\d{2,3}(?:\.\d+)?(?![\w])/gi;
const ACRONYM = /(?<![A-Za-z0-9])[A-Z][A-Z0-9]+s?(?![A-Za-z0-9])/g;
const CODE_SPAN = /`([^`]+)`/g;
const CAPITALISED = /^\p{Lu}[\p{L}\p{N}]*(?:[-/]\p{Lu}[\p{L}\p{N}]*)*$/u;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*_[A-Za-z0-9_]+/g;

function isCamelCase(word: string): boolean {
  return /^[A-Za-z][a-z0-9]+[A-Z]/.test(word);
}

function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9]+s?$/.test(word);
}

/** Runs of capitalised words not at a sentence start: "Jaeger", "Kafka Streams", "W3C Trace Context". */
export function properNames(sentence: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.some((word) => !isAcronym(word))) names.push(run.join(' '));
    run = [];
  };
  for (const token of tokenize(sentence)) {
    const lower = token.text.toLowerCase();
    // "Trace-Context" is a name, "SLO-based" is not: every hyphenated piece must be capitalised.
    const capitalised = CAPITALISED.test(token.text) && !STOP_WORDS.has(lower) && !VERBS.has(lower);
    const namey = isCamelCase(token.text) || isAcronym(token.text) || (capitalised && !token.clauseStart);
    if (!namey || token.afterPunctuation || run.length >= 4) flush();
    if (namey) run.push(token.text);
  }
  flush();
  return names;
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

export function acronyms(text: string): string[] {
  return matches(withoutCode(text), ACRONYM)
    .map((word) => word.toLowerCase().replace(/(?<=[a-z0-9]{2})s$/, ''))
    .filter((word) => !NOT_ACRONYMS.has(word));
}

export function numbersWithUnits(text: string): string[] {
  const prose = withoutCode(text);
  return [...matches(prose, NUMBER_WITH_UNIT), ...matches(prose, PERCENTILE)].map((value) => value.toLowerCase().replace(/\s+/g, ' '));
}

export function codeIdentifiers(text: string): string[] {
  return [...text.matchAll(CODE_SPAN)].flatMap((span) => matches(span[1] ?? '', IDENTIFIER)).map((word) => word.toLowerCase());
}

/** Two-to-four-word noun phrases; a longer run keeps its last three words, where the head noun is. */
export function nounPhrases(text: string): string[] {
  return splitSentences(text)
    .flatMap(phraseRuns)
    .map(trimRun)
    .filter((run) => run.length >= 2)
    .map((run) => (run.length > 4 ? run.slice(-3) : run).join(' ').toLowerCase());
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/**
 * Adds a phrase unless it repeats one already chosen. Between two multi-word phrases where one
 * contains the other, the shorter wins: it matches every answer the longer one would.
 */
function addPhrase(chosen: string[], phrase: string): void {
  const value = phrase.trim().toLowerCase();
  // "what changed", "per gb", "15s": one common word once small words go, matching any answer.
  if (value === '' || chosen.includes(value) || isGenericEvidence(value)) return;
  if (value.includes(' ')) {
    if (chosen.some((other) => other.includes(' ') && containsWords(value, other))) return;
    const longer = chosen.findIndex((other) => other.includes(' ') && containsWords(other, value));
    if (longer >= 0) {
      chosen[longer] = value;
      return;
    }
  }
  chosen.push(value);
}

/** `leading` phrases (such as the point's theme) come first, deduplicated like the rest. */
export function extractEvidence(text: string, leading: readonly string[] = []): Evidence {
  const sentences = splitSentences(text);
  const names = sentences.flatMap(properNames).map((name) => name.toLowerCase());
  const groups = [nounPhrases(text), names, acronyms(text), codeIdentifiers(text), numbersWithUnits(text)];
  const technical = new Set([...names, ...(groups[2] ?? []), ...(groups[3] ?? []), ...(groups[4] ?? [])]).size;

  // Round-robin over the kinds so a point gets a mix, not eight numbers.
  const chosen: string[] = [];
  for (const phrase of leading) addPhrase(chosen, phrase);
  for (let index = 0; chosen.length < MAX_EVIDENCE && groups.some((group) => index < group.length); index += 1) {
    for (const group of groups) {
      const phrase = group[index];
      if (phrase !== undefined && chosen.length < MAX_EVIDENCE) addPhrase(chosen, phrase);
    }
  }
  for (const word of contentWords(text)) {
    if (chosen.length >= 2) break;
    addPhrase(chosen, word);
  }
  return { phrases: chosen, technical };
}
