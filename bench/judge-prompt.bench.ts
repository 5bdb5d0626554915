import { loadQuestionBank } from '../src/core/content/load.ts';
import { responseFormatFor } from '../src/scoring/llm/output-schema.ts';
import { buildJudgePrompt, PROMPT_VERSION } from '../src/scoring/llm/prompt.ts';
import type { Bench } from './types.ts';

/**
 * What the judge's prompt costs before the answer: system message (the same for every
 * question, so providers can cache it), the question's user message with an empty answer,
 * and the response schema, in characters and rough tokens (4 characters a token, as the
 * OpenAI stand-in counts). No network. No target: a figure to watch when the prompt grows.
 */
const DIRS = ['content', 'test/fixtures/llm-eval/content'];

function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

export const bench: Bench = {
  name: 'judge-prompt',
  async run() {
    const lines: string[] = [`prompt ${PROMPT_VERSION}`];
    for (const dir of DIRS) {
      const bank = await loadQuestionBank(dir);
      let system = 0;
      let user = 0;
      let schema = 0;
      let misconceptions = 0;
      for (const question of bank.questions) {
        const prompt = buildJudgePrompt(question, '');
        system = prompt.system.length;
        user += prompt.user.length;
        schema += JSON.stringify(responseFormatFor(question)).length;
        misconceptions += question.misconceptions.length;
      }
      const n = bank.questions.length;
      lines.push(
        `${dir}: ${n} questions, ${misconceptions} misconceptions · system ${system} chars (~${tokens(system)} tokens) · user without answer ${Math.round(user / n)} chars (~${tokens(user / n)} tokens) · schema ${Math.round(schema / n)} chars (~${tokens(schema / n)} tokens), means per question`,
      );
    }
    return { title: 'Judge prompt size (no answer)', lines, ok: true };
  },
};
