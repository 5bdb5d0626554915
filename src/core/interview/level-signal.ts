import type { Question } from '../content/schema.ts';
import type { CoveredPoint } from './coverage.ts';
import type { MisconceptionNote } from './events.ts';
import { shortQuote } from './present.ts';

/**
 * The level a panel would read from the answers, with the two or three reasons for it,
 * each taken from what was said (or not said). A heuristic, and says so in docs/interview.md:
 * weighted rubric coverage first, then what separates the levels (the heaviest points,
 * numbers, named trade-offs, requirements clarified), minus misconceptions and heavy hinting.
 */
export type LevelName = 'below senior' | 'senior' | 'staff' | 'principal';

export interface LevelSignal {
  signal: LevelName | 'not rated';
  reasons: string[];
}

export interface LevelInputs {
  question: Question;
  score: number;
  points: readonly CoveredPoint[];
  requirements: readonly CoveredPoint[];
  /** The answers' text (excerpts), in order. */
  answers: readonly string[];
  misconceptions: readonly MisconceptionNote[];
  hintsUsed: number;
  revealedBeforeAnswering: boolean;
}

const LEVELS: LevelName[] = ['below senior', 'senior', 'staff', 'principal'];
const NUMBER = /\b\d[\d,.]*\s*(?:%|ms\b|s\b|sec\w*|min\w*|hours?|days?|k\b|m\b|tb\b|gb\b|mb\b|rps|qps|req\w*\/s|requests? (?:per|a) second|spans? (?:per|a) second|per (?:second|minute|day|month)|million|billion|x\b|nines)/iu;
const NAMED_TRADE_OFF = /\btrade-?offs?\b/iu;
const TRADE_OFF = /\b(?:at the cost of|in exchange for|the downside|the catch|versus|vs\.?|rather than)\b/iu;
const SNIPPET_CHARS = 110;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/u).map((sentence) => sentence.trim()).filter(Boolean);
}

/** The sentence around a match, cut at word boundaries to a readable length. */
function around(sentence: string, at: number): string {
  const clean = sentence.replace(/\s+/g, ' ').replace(/[.!?]+$/u, '');
  if (clean.length <= SNIPPET_CHARS) return clean;
  const from = at <= SNIPPET_CHARS / 2 ? 0 : clean.indexOf(' ', at - SNIPPET_CHARS / 2) + 1;
  const window = clean.slice(from, from + SNIPPET_CHARS);
  const end = from + SNIPPET_CHARS >= clean.length ? window : window.slice(0, Math.max(window.lastIndexOf(' '), 1));
  return `${from > 0 ? '…' : ''}${end}${from + SNIPPET_CHARS < clean.length ? '…' : ''}`;
}

function firstMatch(answers: readonly string[], ...patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    for (const answer of answers) {
      for (const sentence of sentencesOf(answer)) {
        const match = pattern.exec(sentence.replace(/\s+/g, ' '));
        if (match) return around(sentence, match.index);
      }
    }
  }
  return undefined;
}

function list(themes: string[]): string {
  const lower = themes.map((theme) => theme.toLowerCase());
  if (lower.length <= 1) return lower.join('');
  return `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`;
}

export function levelSignal(input: LevelInputs): LevelSignal {
  if (input.revealedBeforeAnswering) {
    return { signal: 'not rated', reasons: ['The key points were revealed before answering, so the answers carry no level signal.'] };
  }
  if (input.answers.length === 0) return { signal: 'not rated', reasons: ['No answers to judge.'] };

  const maxWeight = Math.max(...input.points.map((point) => point.weight));
  const heavy = input.points.filter((point) => point.weight === maxWeight);
  const heavyCovered = heavy.filter((point) => point.verdict === 'covered');
  const heavyShare = heavy.length === 0 ? 0 : heavyCovered.length / heavy.length;
  const numbers = firstMatch(input.answers, NUMBER);
  const tradeOff = firstMatch(input.answers, NAMED_TRADE_OFF, TRADE_OFF);
  const clarified = input.requirements.filter((point) => point.verdict !== 'missed');
  const clarifiedShare = input.requirements.length === 0 ? undefined : clarified.length / input.requirements.length;

  let rank = input.score >= 80 ? 3 : input.score >= 60 ? 2 : input.score >= 35 ? 1 : 0;
  if (rank >= 2 && heavyShare < 0.5) rank = 1;
  if (rank === 3 && !(numbers && tradeOff && heavyShare === 1 && (clarifiedShare === undefined || clarifiedShare >= 0.5))) rank = 2;
  if (input.misconceptions.length >= 2) rank = Math.max(0, rank - 1);
  else if (input.misconceptions.length === 1) rank = Math.min(rank, 2);
  if (input.hintsUsed >= 3) rank = Math.min(rank, 2);

  const strengths: string[] = [];
  const gaps: string[] = [];
  const strongest = heavyCovered.find((point) => point.evidence);
  if (heavyCovered.length > 0) {
    strengths.push(`Covered what separates the levels here: ${list(heavyCovered.map((p) => p.theme))}${strongest?.evidence ? ` (“${shortQuote(strongest.evidence, SNIPPET_CHARS)}”)` : ''}.`);
  }
  const heavyMissed = heavy.filter((point) => point.verdict !== 'covered');
  if (heavyMissed.length > 0) gaps.push(`Not yet convincing on ${list(heavyMissed.map((p) => p.theme))}, which weighs most at this level.`);
  if (numbers) strengths.push(`Quantified the design: “${numbers}”.`);
  else gaps.push('No numbers: scale, rates and cost stayed unquantified.');
  if (tradeOff) strengths.push(`Named a trade-off: “${tradeOff}”.`);
  if (clarifiedShare !== undefined) {
    if (clarifiedShare >= 0.5) strengths.push(`Clarified requirements before designing: ${list(clarified.map((p) => p.theme))}.`);
    else gaps.push('Went into the design with few requirements clarified (scale, users, SLOs, constraints).');
  }
  if (input.misconceptions[0]) gaps.unshift(`Stated a misconception: ${input.misconceptions[0].claim}`);
  if (input.hintsUsed >= 3) gaps.push(`Needed ${input.hintsUsed} hints.`);

  // Lead with what drove the signal: strengths for a high one, gaps for a low one.
  const reasons = rank >= 2 ? [...strengths.slice(0, gaps.length > 0 ? 2 : 3), ...gaps.slice(0, 1)] : [...gaps.slice(0, 2), ...strengths.slice(0, 1)];
  return { signal: LEVELS[rank] as LevelName, reasons: reasons.slice(0, 3) };
}
