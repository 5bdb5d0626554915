import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import { decodeThreadId } from '../../../core/thread-id.ts';
import { SELF_RATINGS, type SelfRating } from '../../../store/self-assessment-store.ts';
import { encodeSelfAssessId, SELF_ASSESS_LABEL_PREFIX } from '../self-assess-ids.ts';
import type { ButtonRow, DiscordMessage } from './message.ts';

/**
 * After the key points are revealed: one row per point, a grey (disabled) button naming the
 * point, then Got it / Partly / Missed. Discord allows five rows a message, so eight points
 * take two messages. Pressing again on the same point replaces the earlier choice (the
 * store keeps one record per point). Left out when the message knows no Discord session
 * (its buttons would have nothing to name) or an id would not fit in 100 characters.
 */
export const SELF_ASSESS_INTRO = '🪞 **How did you do?** Rate yourself on each point: only you see your ratings, and `/obs-question stats` compares them with the automatic check.';
const ROWS_PER_MESSAGE = 5;
const LABEL_MAX = 80;

const RATING_BUTTON: Record<SelfRating, { label: string; emoji: string }> = {
  got: { label: 'Got it', emoji: '✅' },
  partly: { label: 'Partly', emoji: '🟡' },
  missed: { label: 'Missed', emoji: '❌' },
};

function rowFor(index: number, theme: string, ids: Record<SelfRating, string>): ButtonRow {
  const name = `${index + 1}. ${theme}`;
  const label: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: name.length > LABEL_MAX ? `${name.slice(0, LABEL_MAX - 1)}…` : name,
    custom_id: `${SELF_ASSESS_LABEL_PREFIX}${index}`,
    disabled: true,
  };
  const ratings = SELF_RATINGS.map((rating): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: RATING_BUTTON[rating].label, emoji: { name: RATING_BUTTON[rating].emoji }, custom_id: ids[rating] }));
  return { type: ComponentType.ActionRow, components: [label, ...ratings] };
}

export function selfAssessMessages(questionId: string, keyPoints: readonly { theme: string }[], sessionId: string | undefined): DiscordMessage[] {
  if (keyPoints.length === 0 || !sessionId) return [];
  let ref;
  try {
    ref = decodeThreadId(sessionId);
  } catch {
    return [];
  }
  if (ref.platform !== 'discord') return [];
  const rows: ButtonRow[] = [];
  for (const [index, point] of keyPoints.entries()) {
    const ids = {} as Record<SelfRating, string>;
    for (const rating of SELF_RATINGS) {
      const id = encodeSelfAssessId({ point: index, rating, channelId: ref.channel, threadMessageId: ref.thread, questionId });
      if (!id) return [];
      ids[rating] = id;
    }
    rows.push(rowFor(index, point.theme, ids));
  }
  const messages: DiscordMessage[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_MESSAGE) {
    const end = Math.min(start + ROWS_PER_MESSAGE, rows.length);
    messages.push({ content: start === 0 ? SELF_ASSESS_INTRO : `🪞 Rate yourself (points ${start + 1}–${end})`, embeds: [], components: rows.slice(start, end) });
  }
  return messages;
}
