import type { Question } from '../../core/content/schema.ts';
import { formatLocalDate } from '../../core/schedule/local-date.ts';
import { zonedParts } from '../../core/schedule/zoned-time.ts';
import type { JobContext } from '../interactions/context.ts';
import type { PlanStep } from '../interactions/plan.ts';
import { startSteps } from '../interactions/start-session.ts';

/**
 * A daily question is a channel question (anyone answers in the thread, feedback is
 * private) with two differences: the root says it is the day's question and when the key
 * points come, and the session carries the daily marker the answers and the reveal use.
 */
export interface DailyPostInput {
  question: Question;
  channelId: string;
  channelKey: string;
  localDate: string;
  timezone: string;
  revealAt: number;
}

export function dailyKicker(input: Pick<DailyPostInput, 'localDate' | 'timezone' | 'revealAt'>): string {
  const reveal = zonedParts(new Date(input.revealAt), input.timezone);
  const when = reveal.date === input.localDate ? reveal.time : `${formatLocalDate(reveal.date)} ${reveal.time}`;
  return `☀️ *Daily question* · ${formatLocalDate(input.localDate)} · key points and the team’s coverage in this thread at ${when} (${input.timezone})`;
}

export function dailyPostSteps(ctx: JobContext, input: DailyPostInput): PlanStep[] {
  const daily = { channelKey: input.channelKey, localDate: input.localDate, revealAt: input.revealAt };
  return startSteps(ctx, { question: input.question, mode: 'channel', channelId: input.channelId }).map((step): PlanStep => {
    if (step.kind === 'create-session') return { ...step, state: { ...step.state, daily } };
    if (step.kind === 'post' && step.key === 'root') return { ...step, content: { ...step.content, parts: [{ type: 'text', text: dailyKicker(input) }, ...step.content.parts] } };
    return step;
  });
}
