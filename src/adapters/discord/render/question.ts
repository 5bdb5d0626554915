import type { ComponentKind } from '../custom-ids.ts';
import { buttonRows } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';
import { escapeText, mention, topicLabel } from './markdown.ts';
import { COLOURS } from './message.ts';

const CHANNEL_BUTTONS: ComponentKind[] = ['answer', 'hint', 'reveal', 'next', 'finish', 'mock-me'];
const ONE_TO_ONE_BUTTONS: ComponentKind[] = ['answer', 'hint', 'reveal', 'next', 'finish'];

/**
 * The question: an embed (topic and level, the prompt, how to answer) with the buttons. The
 * sender starts a thread from it; answers go through the Answer button (a modal), or as
 * messages in the thread where the bot may read them.
 */
export const renderQuestion: Renderer<EventOf<'question'>> = (event, { sessionId }) => {
  const { question, mode, candidateId } = event;
  const oneToOne = mode !== 'channel' && candidateId !== undefined;
  const kicker = oneToOne ? `🎤 Mock interview · ${topicLabel(question.topic)} · ${question.level} level` : `📐 Observability · ${topicLabel(question.topic)} · ${question.level} level`;
  const callToAction = oneToOne
    ? event.round
      ? `${mention(candidateId)}, press **Answer** to reply (or write in the thread). Only your answers count: ${event.round.phases} phases, about ${event.round.turns} questions, no score until the scorecard at the end. Take your time: the thread stays open between answers.`
      : `${mention(candidateId)}, press **Answer** to reply (or write in the thread). Only your answers are scored; up to ${event.maxFollowUps} follow-ups, then a scorecard.`
    : 'Press **Answer** to reply. Feedback on the rubric is private: nobody sees your score unless you share it.';
  return {
    summary: question.title,
    embeds: [{ author: { name: kicker }, title: escapeText(question.title).slice(0, 256), description: callToAction, color: COLOURS.question }],
    components: buttonRows(oneToOne ? ONE_TO_ONE_BUTTONS : CHANNEL_BUTTONS, sessionId),
  };
};
