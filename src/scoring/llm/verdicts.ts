import type { Question } from '../../core/content/schema.ts';
import type { PointResult } from '../../core/scoring/types.ts';
import { normaliseForMatch, quoteFoundIn } from '../../core/scoring/verify-evidence.ts';
import type { CachedVerdicts } from './cache.ts';
import type { FilteredAnswer } from './grader-filter.ts';
import type { LlmReply } from './output-schema.ts';

/**
 * Turns a validated reply into verdicts we are willing to show: in rubric order, every
 * quote checked against the answer with its grader-addressed passages masked out, lengths
 * bounded, misconceptions checked like evidence, and the follow-up kept only if it still
 * aims at a gap.
 */
const MAX_EVIDENCE = 300;
const MAX_NOTE = 200;
const MAX_FEEDBACK = 600;
const MAX_FOLLOW_UP = 300;
const MAX_QUOTE = 300;

/** Why a covered or partial verdict became missed. */
export type DowngradeReason =
  /** The quote is not in the answer at all (made up, or paraphrased). */
  | 'quote_not_found'
  /** The quote is in the answer, but only inside a passage addressed to the grader. */
  | 'grader_addressed'
  /** The quote is the sentence that states a misconception contradicting this point. */
  | 'misconception';

export interface Downgrade {
  pointId: string;
  reason: DowngradeReason;
}

function clip(text: string, max: number): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export interface VerifiedVerdicts extends CachedVerdicts {
  downgraded: Downgrade[];
  /** Misconception ids the judge named but we dropped (unknown id, or quote not in the answer). */
  droppedMisconceptions: string[];
}

// NUL marks a masked (grader-addressed) passage: a sentence never runs across one.
// eslint-disable-next-line no-control-regex
const SENTENCE_BREAK = /(?<=[.!?;])\s+|\n+|\u0000+/;

/** True when the point's quote rests on the sentence that states the misconception. */
function restsOn(sentences: readonly string[], misconceptionQuote: string, evidence: string): boolean {
  if (quoteFoundIn(evidence, misconceptionQuote) || quoteFoundIn(misconceptionQuote, evidence)) return true;
  return sentences.some((sentence) => quoteFoundIn(sentence, misconceptionQuote) && quoteFoundIn(sentence, evidence));
}

function checkQuote(filtered: FilteredAnswer, quote: string | undefined): DowngradeReason | undefined {
  if (quote === undefined) return 'quote_not_found';
  if (quoteFoundIn(filtered.quotable, quote)) return undefined;
  return quoteFoundIn(filtered.original, quote) ? 'grader_addressed' : 'quote_not_found';
}

/** Verified misconceptions, first stated first; unknown ids and unfound quotes dropped. */
function verifyMisconceptions(question: Question, filtered: FilteredAnswer, reply: LlmReply): { found: { id: string; quote: string }[]; dropped: string[] } {
  const known = new Set(question.misconceptions.map((item) => item.id));
  const haystack = normaliseForMatch(filtered.quotable);
  const found: { id: string; quote: string; at: number }[] = [];
  const dropped: string[] = [];
  for (const item of reply.misconceptions) {
    const quote = item.quote.trim();
    if (!known.has(item.id) || !quote || !quoteFoundIn(filtered.quotable, quote)) {
      dropped.push(item.id);
      continue;
    }
    if (found.some((earlier) => earlier.id === item.id)) continue;
    const at = haystack.indexOf(normaliseForMatch(quote.split(/\.{3,}|…/)[0] ?? quote));
    found.push({ id: item.id, quote, at: at < 0 ? Number.MAX_SAFE_INTEGER : at });
  }
  found.sort((a, b) => a.at - b.at);
  return { found: found.map(({ id, quote }) => ({ id, quote })), dropped };
}

export function verifyReply(question: Question, filtered: FilteredAnswer, reply: LlmReply): VerifiedVerdicts {
  const byId = new Map(reply.points.map((point) => [point.id, point]));
  const downgraded: Downgrade[] = [];
  const misconceptions = verifyMisconceptions(question, filtered, reply);
  const sentences = filtered.quotable.split(SENTENCE_BREAK).filter((sentence) => sentence.trim());

  const checked = question.rubric.map((rubricPoint): PointResult => {
    const point = byId.get(rubricPoint.id);
    if (!point) return { id: rubricPoint.id, verdict: 'missed' };
    const note = point.verdict === 'covered' ? undefined : clip(point.note, MAX_NOTE);
    const missed = (extraNote?: string): PointResult => {
      const kept = extraNote ?? note;
      return { id: point.id, verdict: 'missed', ...(kept ? { note: kept } : {}) };
    };
    if (point.verdict === 'missed') return missed();
    const evidence = point.evidence.trim() || undefined;
    // Downgrade policy (see verify-evidence.ts): an unsupported verdict becomes missed, never partial.
    const problem = checkQuote(filtered, evidence);
    if (problem || !evidence) {
      downgraded.push({ pointId: point.id, reason: problem ?? 'quote_not_found' });
      return missed();
    }
    const contradicting = misconceptions.found.find(
      (found) => question.misconceptions.find((item) => item.id === found.id)?.contradicts.includes(point.id) && restsOn(sentences, found.quote, evidence),
    );
    if (contradicting) {
      downgraded.push({ pointId: point.id, reason: 'misconception' });
      return missed('the sentence quoted for this states a misconception');
    }
    // Quotes are clipped only after the check, so a long quote is checked whole.
    const shown = clip(evidence, MAX_EVIDENCE);
    return { id: point.id, verdict: point.verdict, ...(shown ? { evidence: shown } : {}), ...(note ? { note } : {}) };
  });

  const target = reply.followUp ? checked.find((point) => point.id === reply.followUp?.pointId) : undefined;
  const followUp = reply.followUp && target && target.verdict !== 'covered' ? clip(reply.followUp.question, MAX_FOLLOW_UP) : undefined;
  const feedback = clip(reply.feedback, MAX_FEEDBACK);
  const found = misconceptions.found.map(({ id, quote }) => ({ id, quote: clip(quote, MAX_QUOTE) ?? quote }));

  return {
    points: checked,
    ...(feedback ? { feedback } : {}),
    ...(followUp ? { followUp } : {}),
    ...(found.length > 0 ? { misconceptions: found } : {}),
    ...(filtered.flagged ? { graderAddressed: true } : {}),
    downgraded,
    droppedMisconceptions: misconceptions.dropped,
  };
}
