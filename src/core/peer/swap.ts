import type { Question } from '../content/schema.ts';

/**
 * The question for a swapped (or any new) peer session: one neither person has seen in a
 * peer session, on the same topic when one is left, else on any topic. Undefined when the
 * two have seen the whole bank between them.
 */
export function pickFreshQuestion(questions: readonly Question[], seen: ReadonlySet<string>, random: () => number, preferTopic?: string): Question | undefined {
  const fresh = questions.filter((question) => !seen.has(question.id));
  const onTopic = preferTopic ? fresh.filter((question) => question.topic === preferTopic) : [];
  const pool = onTopic.length > 0 ? onTopic : fresh;
  if (pool.length === 0) return undefined;
  return pool[Math.floor(random() * pool.length)];
}
