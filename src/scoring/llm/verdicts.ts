import type { Question } from '../../core/content/schema.ts';
import { maskGraderDirectedText } from '../../core/scoring/instruction-text.ts';
import type { PointResult } from '../../core/scoring/types.ts';
import { enforceEvidence } from '../../core/scoring/verify-evidence.ts';
import type { CachedVerdicts } from './cache.ts';
import type { LlmReply } from './output-schema.ts';

/**
 * Turns a validated reply into verdicts we are willing to show: in rubric order, every
 * quote checked against the answer (with grader-directed sentences masked out), lengths
 * bounded, and the follow-up kept only if it still aims at a gap.
 */
const MAX_EVIDENCE = 300;
const MAX_NOTE = 200;
const MAX_FEEDBACK = 600;
const MAX_FOLLOW_UP = 300;

function clip(text: string, max: number): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export interface VerifiedVerdicts extends CachedVerdicts {
  /** Ids of points downgraded to missed because their quote was not in the answer. */
  downgraded: string[];
  /** Sentences of the answer that addressed the grader and so could not serve as evidence. */
  maskedSentences: number;
}

export function verifyReply(question: Question, answer: string, reply: LlmReply): VerifiedVerdicts {
  const byId = new Map(reply.points.map((point) => [point.id, point]));
  const proposed = question.rubric.map((rubricPoint): PointResult => {
    const point = byId.get(rubricPoint.id);
    if (!point) return { id: rubricPoint.id, verdict: 'missed' };
    const evidence = point.verdict === 'missed' ? undefined : point.evidence.trim() || undefined;
    const note = point.verdict === 'covered' ? undefined : clip(point.note, MAX_NOTE);
    return { id: point.id, verdict: point.verdict, ...(evidence ? { evidence } : {}), ...(note ? { note } : {}) };
  });

  const masked = maskGraderDirectedText(answer);
  const checked = enforceEvidence(masked.text, proposed);
  // Quotes are clipped only after the check, so a long quote is checked whole.
  const points = checked.points.map((point) => (point.evidence ? { ...point, evidence: clip(point.evidence, MAX_EVIDENCE) } : point));

  const target = reply.followUp ? points.find((point) => point.id === reply.followUp?.pointId) : undefined;
  const followUp = reply.followUp && target && target.verdict !== 'covered' ? clip(reply.followUp.question, MAX_FOLLOW_UP) : undefined;
  const feedback = clip(reply.feedback, MAX_FEEDBACK);

  return {
    points,
    ...(feedback ? { feedback } : {}),
    ...(followUp ? { followUp } : {}),
    downgraded: checked.downgraded,
    maskedSentences: masked.masked,
  };
}
