import type { Question } from '../../content/schema.ts';
import { compileConcepts, type CompiledConcept } from './concepts.ts';
import { FUNCTION_WORDS, KEPT_FUNCTION_WORDS, NEGATIONS } from './function-words.ts';
import { stemWord } from './normalize.ts';
import { toTerms, type CompoundWords, type TermStream } from './terms.ts';
import { tokenize, type Tokens } from './tokenize.ts';

/*
 * A question's rubric in matchable form, built once per question object and cached, so
 * scoring an answer does no work on the rubric at all.
 */

/** One spelling of an evidence phrase as canonical terms; `key` is the terms joined by spaces. */
export interface PhraseVariant {
  terms: string[];
  key: string;
  /** The terms as ids (see CompiledRubric.termIds). */
  termIds: number[];
}

export interface CompiledEvidence {
  /** The phrase as the author wrote it. */
  text: string;
  /** Canonical terms, joined by spaces; two phrases with the same key are the same evidence. */
  key: string;
  /** Term sequences that count as this phrase: the phrase itself, then spellings with one
   * adjacent pair written as one word ("back pressure" also as "backpressure"). */
  variants: PhraseVariant[];
}

export interface CompiledPoint {
  id: string;
  theme: string;
  weight: number;
  evidence: CompiledEvidence[];
  /** The point's concept rules (see concepts.ts). */
  concepts: CompiledConcept[];
  /** The things the point asks for at once, each of which must be stated for it to be covered (schema.ts). */
  parts: CompiledPart[];
}

/** One part of a multi-part point: its wordings, as phrases (any spelling) and concept rules. */
export interface CompiledPart {
  name: string;
  phrases: PhraseVariant[];
  concepts: CompiledConcept[];
}

export interface CompiledRubric {
  points: CompiledPoint[];
  compounds: CompoundWords;
  /** Every term any phrase needs, numbered from 0; answer terms outside it are never indexed. */
  termIds: ReadonlyMap<string, number>;
  /** Function words that concept rules need as terms ("once", "after"). */
  alsoKeep: ReadonlySet<string>;
  /** Rubric point ids, to spot answers that name them. */
  ids: readonly string[];
  /**
   * 1 for each term id that is a generic word of the question's area: in the question's title,
   * used by three or more points, or an area word (sample, average, alert, dashboard...). Evidence
   * made only of these names the area, not the point's idea ("a flat 1% sample of traces" is not
   * tail sampling), so it never covers a point on its own.
   */
  generic: Uint8Array;
}

/** Words of every observability area: they say which area, never which design. */
const AREA_WORDS: readonly string[] = [
  'sample', 'sampling', 'average', 'mean', 'alert', 'alerting', 'dashboard', 'panel', 'log', 'logging',
  'retention', 'retain', 'threshold', 'metric', 'trace', 'span', 'monitor', 'monitoring', 'latency',
  'rate', 'budget', 'cost', 'data', 'use', 'percent', '%', '1%',
];

function genericTerms(question: Question, points: readonly CompiledPoint[], termIds: Map<string, number>, compounds: CompoundWords): Uint8Array {
  const usedBy = new Map<number, Set<number>>();
  points.forEach((point, pointIndex) => {
    const note = (id: number): void => {
      const users = usedBy.get(id) ?? new Set<number>();
      users.add(pointIndex);
      usedBy.set(id, users);
    };
    for (const evidence of point.evidence) for (const variant of evidence.variants) variant.termIds.forEach(note);
    for (const concept of point.concepts) for (const group of concept.groups) for (const alternative of group) alternative.termIds.forEach(note);
  });
  const generic = new Uint8Array(termIds.size);
  for (const [id, users] of usedBy) if (users.size >= 3) generic[id] = 1;
  for (const word of [...AREA_WORDS, question.title]) {
    for (const term of toTerms(tokenize(word), compounds).terms) {
      const id = termIds.get(term);
      if (id !== undefined) generic[id] = 1;
    }
  }
  // Negators and qualifiers ("not", "per", "by") never make evidence distinctive.
  for (const term of QUALIFIER_TERMS) {
    const id = termIds.get(term);
    if (id !== undefined) generic[id] = 1;
  }
  return generic;
}

function idOf(term: string, termIds: Map<string, number>): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
  }
  return id;
}

function variantOf(terms: string[], termIds: Map<string, number>): PhraseVariant {
  return { terms, key: terms.join(' '), termIds: terms.map((term) => idOf(term, termIds)) };
}

const MIN_COMPOUND_LENGTH = 5;

/** Terms of the kept function words ("not", "per", "by"...): a phrase of only these says nothing. */
const QUALIFIER_TERMS: ReadonlySet<string> = new Set([...KEPT_FUNCTION_WORDS].map((word) => (NEGATIONS.has(word) ? 'not' : stemWord(word))));

function compoundsOf(phrases: readonly string[]): CompoundWords {
  const compounds = new Map<string, Map<string, string>>();
  for (const phrase of phrases) {
    for (const { norm, stem } of tokenize(phrase).words) {
      if (norm.length < MIN_COMPOUND_LENGTH || FUNCTION_WORDS.has(norm)) continue;
      for (let cut = 2; cut <= norm.length - 2; cut += 1) {
        const first = norm.slice(0, cut);
        if (FUNCTION_WORDS.has(first)) continue;
        const seconds = compounds.get(first) ?? new Map<string, string>();
        seconds.set(stemWord(norm.slice(cut)), stem);
        compounds.set(first, seconds);
      }
    }
  }
  return compounds;
}

/** The word behind term `index` when the term is that single word, stemmed but not rewritten. */
function plainWord(stream: TermStream, tokens: Tokens, index: number): string | undefined {
  const token = stream.firstToken[index] ?? -1;
  const word = tokens.words[token];
  return word && token === stream.lastToken[index] && word.stem === stream.terms[index] ? word.norm : undefined;
}

function joinedVariants(stream: TermStream, tokens: Tokens): string[][] {
  const variants: string[][] = [];
  for (let index = 0; index + 1 < stream.terms.length; index += 1) {
    const left = plainWord(stream, tokens, index);
    const right = plainWord(stream, tokens, index + 1);
    const touching = (stream.lastToken[index] ?? -1) + 1 === stream.firstToken[index + 1];
    if (left === undefined || right === undefined || !touching) continue;
    const terms = [...stream.terms];
    terms.splice(index, 2, stemWord(left + right));
    variants.push(terms);
  }
  return variants;
}

function compilePoint(point: Question['rubric'][number], compounds: CompoundWords, termIds: Map<string, number>, alsoKeep: Set<string>): CompiledPoint {
  const evidence: CompiledEvidence[] = [];
  const seen = new Set<string>();
  for (const text of point.evidence) {
    const tokens = tokenize(text);
    const stream = toTerms(tokens, compounds);
    const key = stream.terms.join(' ');
    // A phrase of only function words ("by when" is just "by") can't be matched meaningfully;
    // the schema makes authors give at least two phrases, so dropping one is safe.
    if (key === '' || seen.has(key) || stream.terms.every((term) => QUALIFIER_TERMS.has(term))) continue;
    seen.add(key);
    const variants = [stream.terms, ...joinedVariants(stream, tokens)].map((terms) => variantOf(terms, termIds));
    evidence.push({ text, key, variants });
  }
  const concepts = compileConcepts(point.concepts, compounds, (term) => idOf(term, termIds), alsoKeep);
  const parts = (point.parts ?? []).map((part) => compilePart(part, compounds, termIds, alsoKeep));
  return { id: point.id, theme: point.theme, weight: point.weight, evidence, concepts, parts };
}

function compilePart(part: { name: string; match: readonly string[] }, compounds: CompoundWords, termIds: Map<string, number>, alsoKeep: Set<string>): CompiledPart {
  const phrases: PhraseVariant[] = [];
  for (const wording of part.match) {
    if (wording.includes('+')) continue;
    const tokens = tokenize(wording);
    const stream = toTerms(tokens, compounds);
    if (stream.terms.length === 0) continue;
    for (const terms of [stream.terms, ...joinedVariants(stream, tokens)]) phrases.push(variantOf(terms, termIds));
  }
  const rules = part.match.filter((wording) => wording.includes('+'));
  return { name: part.name, phrases, concepts: compileConcepts(rules, compounds, (term) => idOf(term, termIds), alsoKeep) };
}

function compile(question: Question): CompiledRubric {
  const compounds = compoundsOf(question.rubric.flatMap((point) => point.evidence));
  const termIds = new Map<string, number>();
  const alsoKeep = new Set<string>();
  const points = question.rubric.map((point) => compilePoint(point, compounds, termIds, alsoKeep));
  const ids = [...question.rubric.map((point) => point.id), ...question.requirements.map((requirement) => requirement.id)];
  return { points, compounds, termIds, alsoKeep, ids, generic: genericTerms(question, points, termIds, compounds) };
}

// Keyed by the question object: questions are loaded once and never mutated, and a WeakMap
// lets a reloaded question bank drop its old entries with the old objects.
const cache = new WeakMap<Question, CompiledRubric>();

export function compileRubric(question: Question): CompiledRubric {
  let compiled = cache.get(question);
  if (!compiled) {
    compiled = compile(question);
    cache.set(question, compiled);
  }
  return compiled;
}
