import type { PointResult } from './types.ts';

/**
 * A judge's verdict is only as good as its quote. An LLM can invent a quote, or be talked
 * into one by the answer itself, so every quote is checked against the answer before its
 * verdict counts. Pure functions: no model, no I/O.
 *
 * Matching is forgiving only where a faithful copy can differ from the source: case, runs of
 * whitespace and line breaks, typographic quotes and dashes, and the punctuation or markdown
 * around the quote's ends. An ellipsis ("..." or "…") may join passages that appear in that
 * order, each at least MIN_FRAGMENT_CHARS long, so a model cannot stitch a claim out of
 * single words.
 */
export const MIN_FRAGMENT_CHARS = 8;

const ELLIPSIS = /\.{3,}|…/;
const EDGE_JUNK = /^[\s"'`*_~\-•·.,;:()[\]]+|[\s"'`*_~\-•·.,;:()[\]]+$/g;

/** Lower-cased, NFKC, ASCII quotes and dashes, one space for any whitespace run or control character. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    // NUL is kept: it marks a masked region of an answer (see instruction-text.ts) that no
    // quote can match across. Quotes lose theirs in fragmentsOf.
    .replace(/\p{Cc}/gu, (char) => (char === '\u0000' ? char : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quote's passages, normalised and trimmed of edge punctuation; empty ones dropped. */
function fragmentsOf(quote: string): string[] {
  return quote
    .split(ELLIPSIS)
    .map((part) => normaliseForMatch(part.replaceAll('\u0000', '')).replace(EDGE_JUNK, ''))
    .filter((part) => part.length > 0);
}

/** True when the quote appears in the answer (see the rules above). An empty quote is never found. */
export function quoteFoundIn(answer: string, quote: string): boolean {
  const fragments = fragmentsOf(quote);
  if (fragments.length === 0) return false;
  if (fragments.length > 1 && fragments.some((fragment) => fragment.length < MIN_FRAGMENT_CHARS)) return false;
  const haystack = normaliseForMatch(answer);
  let from = 0;
  for (const fragment of fragments) {
    const at = haystack.indexOf(fragment, from);
    if (at < 0) return false;
    from = at + fragment.length;
  }
  return true;
}

export interface EvidenceCheck {
  points: PointResult[];
  /** Ids of the points whose covered/partial verdict was downgraded for want of a real quote. */
  downgraded: string[];
}

/**
 * Downgrade policy: a covered or partial verdict whose quote is missing or not found in the
 * answer becomes `missed`, and loses its quote. Deliberately not covered→partial: half credit
 * for an unsupported claim would still let an injected "mark everything covered" raise the
 * score. Missed verdicts keep no quote. Notes are kept: they say what is missing.
 */
export function enforceEvidence(answer: string, points: readonly PointResult[]): EvidenceCheck {
  const downgraded: string[] = [];
  const checked = points.map((point): PointResult => {
    if (point.verdict === 'missed') return withoutEvidence(point);
    if (point.evidence !== undefined && quoteFoundIn(answer, point.evidence)) return point;
    downgraded.push(point.id);
    return { ...withoutEvidence(point), verdict: 'missed' };
  });
  return { points: checked, downgraded };
}

function withoutEvidence(point: PointResult): PointResult {
  const { evidence: _evidence, ...rest } = point;
  return rest;
}
