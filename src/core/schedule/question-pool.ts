import { createHash } from 'node:crypto';
import { UserError } from '../errors.ts';
import type { LocalDate } from './local-date.ts';

/**
 * Choosing the day's question for a channel. Pure and deterministic: two workers given the
 * same inputs choose the same question, so a retried or duplicated job cannot post a
 * different question from the one another worker is posting.
 *
 * 1. The pool is every question in the bank now, or those on the channel's topics. Content
 *    added since the cycle began is in the pool; removed questions are not.
 * 2. Candidates are pool questions not yet asked in this cycle. When none are left a new
 *    cycle starts with the whole pool, minus the question asked last (if the pool has
 *    another), so a cycle boundary never repeats yesterday's question.
 * 3. Among the candidates' topics, prefer the one where the channel's answers covered the
 *    smallest share of rubric points so far (a topic with no stats counts as 0). Ties:
 *    fewest times asked, then topic name in code-point order.
 * 4. Within that topic, pick by a hash of channelKey + localDate over the candidate ids in
 *    code-point order: stable for the day, varied across days and channels.
 */
export interface PoolQuestion {
  readonly id: string;
  readonly topic: string;
}

export interface TopicStats {
  /** Rubric points the channel's answers covered on this topic so far (may be weighted). */
  pointsCovered: number;
  /** Rubric points there were to cover in the questions asked on it. */
  pointsPossible: number;
  /** Daily questions asked on the topic so far; missing counts as 0. */
  timesAsked?: number;
}

export interface ChooseQuestionInput {
  channelKey: string;
  localDate: LocalDate;
  questions: readonly PoolQuestion[];
  /** The channel's topics; empty means every topic. */
  topics: readonly string[];
  /** Ids asked in the current cycle, oldest first. */
  cycle: readonly string[];
  /** Per-topic stats keyed by topic slug. */
  stats: Readonly<Record<string, TopicStats>>;
}

export interface QuestionChoice {
  questionId: string;
  topic: string;
  /** The cycle to store: still-valid ids of this cycle plus the chosen one. */
  cycle: string[];
  startedNewCycle: boolean;
}

function statsOf(stats: Readonly<Record<string, TopicStats>>, topic: string): Required<TopicStats> {
  // Own properties only: a topic slug such as "constructor" must not read Object.prototype.
  const entry = Object.hasOwn(stats, topic) ? stats[topic] : undefined;
  const pointsCovered = Math.max(0, entry?.pointsCovered ?? 0);
  const pointsPossible = Math.max(0, entry?.pointsPossible ?? 0);
  return { pointsCovered, pointsPossible, timesAsked: Math.max(0, entry?.timesAsked ?? 0) };
}

/** Negative when topic `a` is weaker (asked first). Ratios compare by cross-multiplying, so 1/3 equals 2/6 exactly. */
function compareTopics(a: string, b: string, stats: Readonly<Record<string, TopicStats>>): number {
  const sa = statsOf(stats, a);
  const sb = statsOf(stats, b);
  const [ca, pa] = sa.pointsPossible > 0 ? [sa.pointsCovered, sa.pointsPossible] : [0, 1];
  const [cb, pb] = sb.pointsPossible > 0 ? [sb.pointsCovered, sb.pointsPossible] : [0, 1];
  const byCoverage = ca * pb - cb * pa;
  if (byCoverage !== 0) return byCoverage;
  if (sa.timesAsked !== sb.timesAsked) return sa.timesAsked - sb.timesAsked;
  return a < b ? -1 : a > b ? 1 : 0;
}

function seededIndex(seed: string, length: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % length;
}

export function chooseQuestion(input: ChooseQuestionInput): QuestionChoice {
  const wanted = new Set(input.topics);
  const pool = input.questions.filter((question) => wanted.size === 0 || wanted.has(question.topic));
  if (pool.length === 0) {
    const which = input.topics.length === 0 ? 'The question bank is empty' : `No questions on ${input.topics.join(', ')}`;
    throw new UserError('daily_pool_empty', `${which}. Pick other topics with \`daily set\`, or add questions.`);
  }
  const poolIds = new Set(pool.map((question) => question.id));
  const asked = input.cycle.filter((id) => poolIds.has(id));
  const askedSet = new Set(asked);
  let candidates = pool.filter((question) => !askedSet.has(question.id));
  let cycle = asked;
  const startedNewCycle = candidates.length === 0;
  if (startedNewCycle) {
    const last = asked[asked.length - 1];
    candidates = pool.length > 1 ? pool.filter((question) => question.id !== last) : [...pool];
    cycle = [];
  }

  const topic = [...new Set(candidates.map((question) => question.topic))].sort((a, b) => compareTopics(a, b, input.stats))[0];
  const onTopic = candidates
    .filter((question) => question.topic === topic)
    .map((question) => question.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const questionId = onTopic[seededIndex(`${input.channelKey}\n${input.localDate}`, onTopic.length)];
  if (topic === undefined || questionId === undefined) throw new Error('unreachable: the candidate list is never empty');
  return { questionId, topic, cycle: [...cycle, questionId], startedNewCycle };
}
