import type { QuestionBank } from '../../core/content/question-bank.ts';
import type { Question } from '../../core/content/schema.ts';
import { chooseQuestion } from '../../core/schedule/question-pool.ts';
import type { DailyChoice, DailyStores } from '../../store/index.ts';

/**
 * The day's question for a channel: the choice already stored for the date (a re-run posts
 * what the first run chose), or a new one from `chooseQuestion` over the channel's cycle and
 * per-topic coverage. A stored choice whose question has since left the bank is replaced:
 * nothing was posted yet, or the plan would already exist.
 */
export async function dailyChoiceFor(
  stores: DailyStores,
  bank: QuestionBank,
  input: { channelKey: string; localDate: string; topics: readonly string[] },
): Promise<{ choice: DailyChoice; question: Question }> {
  const stored = await stores.channels.choiceFor(input.channelKey, input.localDate);
  const storedQuestion = stored && bank.get(stored.questionId);
  if (stored && storedQuestion) return { choice: stored, question: storedQuestion };
  const { cycle, stats } = await stores.channels.poolState(input.channelKey);
  const chosen = chooseQuestion({ channelKey: input.channelKey, localDate: input.localDate, questions: bank.questions, topics: input.topics, cycle, stats });
  const fresh: DailyChoice = { questionId: chosen.questionId, topic: chosen.topic, cycle: chosen.cycle };
  const choice = stored ? (await stores.channels.replaceChoice(input.channelKey, input.localDate, fresh), fresh) : await stores.channels.keepChoice(input.channelKey, input.localDate, fresh);
  const question = bank.get(choice.questionId);
  if (!question) throw new Error(`chosen question ${choice.questionId} is not in the bank`);
  return { choice, question };
}
