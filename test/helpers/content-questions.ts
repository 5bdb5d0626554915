import { beforeAll } from 'vitest';
import type { Question } from '../../src/core/content/schema.ts';
import { loadQuestionBank } from '../../src/core/content/load.ts';
import type { QuestionBank } from '../../src/core/content/question-bank.ts';

/**
 * The real question bank for scorer tests, loaded once before the file's tests: the rubric's own
 * evidence and concept rules are what those tests exercise. Returns a lookup that throws on an
 * unknown id, so a renamed question fails loudly.
 */
export function useContentQuestions(): (id: string) => Question {
  let bank: QuestionBank | undefined;
  beforeAll(async () => {
    bank = await loadQuestionBank('content');
  });
  return (id) => {
    const found = bank?.get(id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };
}
