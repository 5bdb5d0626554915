import { UserError } from '../errors.ts';
import type { Pacing, Question } from './schema.ts';

export interface TopicCount {
  topic: string;
  count: number;
}

/** Read-only, in-memory view of validated content. */
export class QuestionBank {
  readonly questions: readonly Question[];
  readonly pacing: Pacing;
  private readonly byId: Map<string, Question>;

  constructor(questions: readonly Question[], pacing: Pacing) {
    this.questions = questions;
    this.pacing = pacing;
    this.byId = new Map(questions.map((question) => [question.id, question]));
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  /** Like `get`, but an unknown id is the user's mistake and lists the valid ids. */
  require(id: string): Question {
    const question = this.byId.get(id);
    if (!question) {
      throw new UserError('unknown_question', `Unknown question "${id}". Valid ids: ${[...this.byId.keys()].sort().join(', ')}`);
    }
    return question;
  }

  topics(): TopicCount[] {
    const counts = new Map<string, number>();
    for (const question of this.questions) counts.set(question.topic, (counts.get(question.topic) ?? 0) + 1);
    return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => a.topic.localeCompare(b.topic));
  }

  hasTopic(topic: string): boolean {
    return this.questions.some((question) => question.topic === topic);
  }

  byTopic(topic: string): Question[] {
    return this.questions.filter((question) => question.topic === topic);
  }

  /** Questions on a topic; an unknown topic is the user's mistake and lists the valid ones. */
  requireTopic(topic: string): Question[] {
    const questions = this.byTopic(topic);
    if (questions.length === 0) {
      throw new UserError('unknown_topic', `Unknown topic "${topic}". Topics: ${this.topics().map((t) => t.topic).join(', ')}`);
    }
    return questions;
  }

  /** A random question, optionally on one topic. `random` is injectable for tests. */
  pick(topic?: string, random: () => number = Math.random): Question {
    const pool = topic ? this.requireTopic(topic) : this.questions;
    const question = pool[Math.floor(random() * pool.length)];
    if (!question) throw new UserError('empty_bank', 'The question bank is empty.');
    return question;
  }
}
