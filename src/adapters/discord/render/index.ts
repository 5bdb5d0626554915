import type { MessageContent, MessagePart } from '../../../app/ports.ts';
import type { RenderContext } from './context.ts';
import { renderDailyReveal } from './daily-reveal.ts';
import { renderExpired } from './expired.ts';
import { renderFeedback } from './feedback.ts';
import { renderFollowUp } from './follow-up.ts';
import { renderHelp } from './help.ts';
import { renderHint } from './hint.ts';
import { renderLeaderboard } from './leaderboard.ts';
import { fitToLimits } from './limits.ts';
import type { DiscordMessage, RenderedPart } from './message.ts';
import { renderNotice, renderText } from './notice.ts';
import { renderNudge } from './nudge.ts';
import { renderPhase } from './phase.ts';
import { renderQuestion } from './question.ts';
import { renderReaction } from './reaction.ts';
import { renderReveal } from './reveal.ts';
import { renderScorecard } from './scorecard.ts';
import { renderStats } from './stats.ts';
import { renderTopics } from './topics.ts';
import { renderPeerPart } from './peer.ts';
import { renderForgetMeConfirm } from './forget-me.ts';

export { DISCORD_LIMITS, fitToLimits, splitText } from './limits.ts';
export type { DiscordMessage } from './message.ts';

/**
 * Every part type → its renderer, one file each. The mapped type makes a new engine event
 * (or app part) a compile error here until it has a renderer: add a file and one line.
 */
type Renderers = { [T in MessagePart['type']]: (part: Extract<MessagePart, { type: T }>, context: RenderContext) => RenderedPart };

export const RENDERERS: Renderers = {
  question: renderQuestion,
  phase: renderPhase,
  feedback: renderFeedback,
  reaction: renderReaction,
  'follow-up': renderFollowUp,
  expired: renderExpired,
  nudge: renderNudge,
  hint: renderHint,
  reveal: renderReveal,
  scorecard: renderScorecard,
  notice: renderNotice,
  help: renderHelp,
  topics: renderTopics,
  stats: renderStats,
  text: renderText,
  'daily-reveal': renderDailyReveal,
  leaderboard: renderLeaderboard,
  peer: renderPeerPart,
  'forget-me-confirm': renderForgetMeConfirm,
};

export function renderPart<T extends MessagePart['type']>(part: Extract<MessagePart, { type: T }>, context: RenderContext): RenderedPart {
  return (RENDERERS[part.type as T] as Renderers[T])(part, context);
}

/** One logical message → one or more Discord messages within Discord's limits. */
export function renderMessage(content: MessageContent): DiscordMessage[] {
  const context: RenderContext = content.sessionId ? { sessionId: content.sessionId } : {};
  const parts = content.parts.map((part) => renderPart(part, context));
  const fitted = fitToLimits({
    content: parts.flatMap((part) => (part.content ? [part.content] : [])).join('\n\n'),
    embeds: parts.flatMap((part) => part.embeds),
    components: parts.flatMap((part) => part.components ?? []),
  });
  return [...fitted, ...parts.flatMap((part) => part.after ?? [])];
}

/** A thread name for a message that starts one: the question's title, else its first summary. */
export function threadNameFor(content: MessageContent): string {
  const question = content.parts.find((part) => part.type === 'question');
  const name = question?.type === 'question' ? question.question.title : (content.parts[0] ? renderPart(content.parts[0], {}).summary : 'obs-bot');
  const oneLine = name.replace(/\s+/g, ' ').trim() || 'obs-bot';
  return oneLine.length > 100 ? `${oneLine.slice(0, 99)}…` : oneLine;
}

/** Whether a top-level post starts a thread: a session's question always does, and so does a peer session's intro. */
export function startsThread(content: MessageContent): boolean {
  return content.parts.some((part) => part.type === 'question' || (part.type === 'peer' && part.view.kind === 'intro'));
}
