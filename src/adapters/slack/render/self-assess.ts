import { z } from 'zod';
import type { SelfRating } from '../../../store/self-assessment-store.ts';
import { escapeMrkdwn, section, type ButtonElement, type SlackBlock } from './blocks.ts';
import { ACTION_IDS } from './buttons.ts';

/**
 * After the key points are revealed, one row per point: Got it / Partly / Missed. Each
 * button's action id is unique in the message (`obs_self_assess:<point>:<rating>`), and its
 * value names the question, the point (its index in the rubric, which is the reveal's
 * order) and the rating, plus the session when the renderer knows it. Pressing again on the
 * same point replaces the earlier choice. Two blocks per point, so the longest rubric (8
 * points) stays far inside Slack's 50 blocks.
 */
export const SELF_ASSESS_PATTERN = /^obs_self_assess:\d+:(got|partly|missed)$/;

const RATING_LABELS: Record<SelfRating, string> = { got: '✅ Got it', partly: '🟡 Partly', missed: '❌ Missed' };
const RATINGS: readonly SelfRating[] = ['got', 'partly', 'missed'];

const valueSchema = z.object({
  action: z.literal('self-assess'),
  threadId: z.string().min(1).optional(),
  q: z.string().min(1),
  p: z.number().int().min(0).max(50),
  r: z.enum(['got', 'partly', 'missed']),
});
export type SelfAssessValue = z.infer<typeof valueSchema>;

/** Undefined for a value we did not write. */
export function decodeSelfAssessValue(raw: string): SelfAssessValue | undefined {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function selfAssessActionId(point: number, rating: SelfRating): string {
  return `${ACTION_IDS['self-assess']}:${point}:${rating}`;
}

function ratingButton(questionId: string, point: number, rating: SelfRating, threadId: string | undefined): ButtonElement {
  const value: SelfAssessValue = { action: 'self-assess', ...(threadId ? { threadId } : {}), q: questionId, p: point, r: rating };
  return { type: 'button', text: { type: 'plain_text', text: RATING_LABELS[rating], emoji: true }, action_id: selfAssessActionId(point, rating), value: JSON.stringify(value) };
}

export function selfAssessBlocks(questionId: string, keyPoints: readonly { theme: string }[], threadId: string | undefined): SlackBlock[] {
  if (keyPoints.length === 0) return [];
  const blocks: SlackBlock[] = [section('🪞 *How did you do?* Rate yourself on each point: only you see it, and `/obs-question stats` compares it with the automatic check.')];
  keyPoints.forEach((point, index) => {
    blocks.push(section(`${index + 1}. ${escapeMrkdwn(point.theme)}`));
    blocks.push({ type: 'actions', elements: RATINGS.map((rating) => ratingButton(questionId, index, rating, threadId)) });
  });
  return blocks;
}
