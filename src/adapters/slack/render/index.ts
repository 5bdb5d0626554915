import type { MessageContent, MessagePart } from '../../../app/ports.ts';
import type { RenderedPart, SlackMessage } from './blocks.ts';
import type { RenderContext } from './context.ts';
import { renderFeedback } from './feedback.ts';
import { renderFollowUp } from './follow-up.ts';
import { renderHelp } from './help.ts';
import { renderHint } from './hint.ts';
import { renderDailyReveal } from './daily-reveal.ts';
import { renderLeaderboard } from './leaderboard.ts';
import { fitToLimits } from './limits.ts';
import { renderNotice, renderText } from './notice.ts';
import { renderNudge } from './nudge.ts';
import { renderPhase } from './phase.ts';
import { renderReaction } from './reaction.ts';
import { renderExpired } from './expired.ts';
import { renderQuestion } from './question.ts';
import { renderReveal } from './reveal.ts';
import { renderScorecard } from './scorecard.ts';
import { renderStats } from './stats.ts';
import { renderTopics } from './topics.ts';
import { renderPeer } from './peer/render.ts';
import { renderForgetMeConfirm } from './forget-me.ts';

export { ACTION_IDS, ACTION_ID_PATTERN, decodeButtonValue, encodeButtonValue, type ButtonValue } from './buttons.ts';
export type { SlackBlock, SlackMessage } from './blocks.ts';
export { SLACK_LIMITS, fitToLimits, splitText } from './limits.ts';

export function renderPart(part: MessagePart, context: RenderContext): RenderedPart {
  switch (part.type) {
    case 'question':
      return renderQuestion(part, context);
    case 'phase':
      return renderPhase(part, context);
    case 'feedback':
      return renderFeedback(part, context);
    case 'reaction':
      return renderReaction(part, context);
    case 'follow-up':
      return renderFollowUp(part, context);
    case 'expired':
      return renderExpired(part, context);
    case 'nudge':
      return renderNudge(part, context);
    case 'hint':
      return renderHint(part, context);
    case 'reveal':
      return renderReveal(part, context);
    case 'scorecard':
      return renderScorecard(part, context);
    case 'notice':
      return renderNotice(part, context);
    case 'help':
      return renderHelp(part, context);
    case 'topics':
      return renderTopics(part, context);
    case 'stats':
      return renderStats(part, context);
    case 'text':
      return renderText(part, context);
    case 'daily-reveal':
      return renderDailyReveal(part, context);
    case 'leaderboard':
      return renderLeaderboard(part, context);
    case 'peer':
      return renderPeer(part.view, context);
    case 'forget-me-confirm':
      return renderForgetMeConfirm(part, context);
  }
}

/** One logical message → one or more Slack messages within Slack's limits. */
export function renderMessage(content: MessageContent): SlackMessage[] {
  const context: RenderContext = content.sessionId ? { sessionId: content.sessionId } : {};
  const parts = content.parts.map((part) => renderPart(part, context));
  return fitToLimits({ text: parts.map((part) => part.summary).join(' · ') || 'obs-bot', blocks: parts.flatMap((part) => part.blocks) });
}
