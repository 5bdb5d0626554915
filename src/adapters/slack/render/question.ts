import type { ActionName } from '../../../queue/jobs.ts';
import { context, escapeMrkdwn, mention, section, topicLabel } from './blocks.ts';
import { actions } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';

const CHANNEL_BUTTONS: ActionName[] = ['hint', 'reveal', 'next', 'finish', 'mock-me'];
const ONE_TO_ONE_BUTTONS: ActionName[] = ['hint', 'reveal', 'next', 'finish'];

/**
 * The question: topic and level first, the prompt, one call to action, the buttons.
 * In a channel anyone may answer and feedback is private; a mock is one candidate's.
 */
export const renderQuestion: Renderer<EventOf<'question'>> = (event, { sessionId }) => {
  const { question, mode, candidateId } = event;
  const oneToOne = mode !== 'channel' && candidateId !== undefined;
  const kicker = oneToOne
    ? `🎤 Mock interview for ${mention(candidateId)} · ${topicLabel(question.topic)} · ${question.level} level`
    : `📐 Observability · ${topicLabel(question.topic)} · ${question.level} level`;
  const callToAction = oneToOne
    ? event.round
      ? `Reply in this thread to answer. Only ${mention(candidateId)}’s replies count: ${event.round.phases} phases, about ${event.round.turns} questions, no score until the scorecard at the end. Take your time: the thread stays open between answers.`
      : `Reply in this thread to answer. Only ${mention(candidateId)}’s replies are scored; up to ${event.maxFollowUps} follow-ups, then a scorecard.`
    : 'Reply in this thread to answer. You get private feedback on the rubric; nobody sees your score unless you share it.';
  return {
    summary: `${oneToOne ? 'Mock interview' : 'Question'}: ${question.title}`,
    blocks: [
      context(kicker),
      section(`*${escapeMrkdwn(question.title)}*`),
      context(callToAction),
      actions(oneToOne ? ONE_TO_ONE_BUTTONS : CHANNEL_BUTTONS, sessionId),
    ],
  };
};
