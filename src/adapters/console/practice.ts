import type { Pacing, Question } from '../../core/content/schema.ts';
import { isUserError } from '../../core/errors.ts';
import { finishSession, giveHint, nextFollowUp, recordAnswer, revealKeyPoints, startSession, type Step } from '../../core/interview/engine.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { Scorer } from '../../core/scoring/types.ts';
import { LineReader } from './line-reader.ts';
import { readAnswer, END_OF_ANSWER } from './read-answer.ts';
import { renderEvent } from './render-event.ts';
import type { Readable } from 'node:stream';

export interface PracticeOptions {
  question: Question;
  pacing: Pacing;
  scorer: Scorer;
  maxFollowUps: number;
  input: Readable;
  write: (text: string) => void;
  /** A terminal gets a "> " prompt; piped input does not (the output would run into it). */
  interactive?: boolean;
  now?: () => number;
  /** After /reveal at a terminal: e.g. the self-assessment prompts. `ask` writes a prompt and reads one line. */
  afterReveal?: (context: { state: SessionState; question: Question; ask: (prompt: string) => Promise<string | undefined> }) => Promise<void>;
}

const CANDIDATE = 'you';

export function practiceInstructions(): string {
  return `Answer in as many lines as you like, then end the answer with a line holding only "${END_OF_ANSWER}".\nCommands (on a line of their own): /hint  /skip  /reveal  /finish\n`;
}

/** A practice interview in the terminal, driven by the same core engine as every chat platform. */
export async function runPractice(options: PracticeOptions): Promise<SessionState> {
  const { question, pacing, scorer, write } = options;
  const now = options.now ?? Date.now;
  const show = (step: Step): SessionState => {
    for (const event of step.events) write(renderEvent(event));
    return step.state;
  };

  write(practiceInstructions());
  let state = show(startSession({ id: 'console:local', question, mode: 'practice', candidateId: CANDIDATE, pacing, maxFollowUps: options.maxFollowUps, now: now() }));
  const reader = new LineReader(options.input);
  try {
    while (state.status === 'active') {
      if (options.interactive) write('> ');
      const input = await readAnswer(reader);
      if (input.kind === 'end') {
        state = show(finishSession(state, question, CANDIDATE, now()));
        break;
      }
      if (input.kind === 'command') {
        if (input.command === '/hint') state = show(giveHint(state, question, CANDIDATE, now()));
        else if (input.command === '/skip') state = show(nextFollowUp(state, question, pacing, CANDIDATE, now()));
        else if (input.command === '/reveal') {
          write(renderEvent(revealKeyPoints(question)));
          // Only at a terminal: piped input was written in advance, so its next lines are not ratings.
          if (options.interactive) await options.afterReveal?.({ state, question, ask: (prompt) => (write(prompt), reader.next()) });
        }
        else state = show(finishSession(state, question, CANDIDATE, now()));
        continue;
      }
      if (!input.text.trim()) {
        write(`That answer is empty. Write a few sentences, then a line with only "${END_OF_ANSWER}".\n`);
        if (input.endOfInput) state = show(finishSession(state, question, CANDIDATE, now()));
        continue;
      }
      try {
        const result = await scorer.score(question, input.text);
        state = show(recordAnswer(state, question, pacing, { by: CANDIDATE, text: input.text, result, now: now() }));
      } catch (error) {
        if (!isUserError(error)) throw error;
        write(`${error.message}\n`);
      }
      if (input.endOfInput && state.status === 'active') state = show(finishSession(state, question, CANDIDATE, now()));
    }
  } finally {
    await reader.close();
  }
  return state;
}
