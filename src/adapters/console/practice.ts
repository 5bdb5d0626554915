import type { Readable } from 'node:stream';
import type { Pacing, Question } from '../../core/content/schema.ts';
import { isUserError } from '../../core/errors.ts';
import { finishSession, giveHint, nextFollowUp, nextPhase, recordAnswer, revealInSession, scoringTarget, startSession, tick, type Step } from '../../core/interview/engine.ts';
import { textToScore } from '../../core/interview/judge.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { Scorer } from '../../core/scoring/types.ts';
import { LineReader } from './line-reader.ts';
import { phaseClock } from './phase-clock.ts';
import { END_OF_ANSWER, readAnswer, type AnswerInput } from './read-answer.ts';
import { renderEvent } from './render-event.ts';

export interface PracticeOptions {
  question: Question;
  pacing: Pacing;
  scorer: Scorer;
  maxFollowUps: number;
  /** The paced four-phase mock round instead of one question with follow-ups. */
  mock?: boolean;
  input: Readable;
  write: (text: string) => void;
  /** A terminal gets a "> " prompt; piped input does not (the output would run into it). */
  interactive?: boolean;
  now?: () => number;
  /** Ctrl-C: print the scorecard so far and stop. */
  signal?: AbortSignal;
  /** How often a mock checks for a long silence (its one nudge per phase). */
  tickEveryMs?: number;
  /** After /reveal at a terminal: e.g. the self-assessment prompts. `ask` writes a prompt and reads one line. */
  afterReveal?: (context: { state: SessionState; question: Question; ask: (prompt: string) => Promise<string | undefined> }) => Promise<void>;
}

export interface PracticeOutcome {
  state: SessionState;
  interrupted: boolean;
}

const CANDIDATE = 'you';
const DEFAULT_TICK_MS = 15_000;

export function practiceInstructions(mock: boolean): string {
  return [
    `Answer in as many lines as you like, then end the answer with a line holding only "${END_OF_ANSWER}".`,
    `Commands (on a line of their own): /hint  /skip  ${mock ? '/next (next phase)  ' : ''}/reveal  /time  /help  /quit`,
    '',
  ].join('\n');
}

function helpText(mock: boolean): string {
  return [
    'ℹ️  Commands, each on a line of its own (never scored):',
    '   /hint    a nudge on the question on screen (a second /hint names the concept)',
    '   /skip    move on without answering',
    ...(mock ? ['   /next    end this phase and go to the next'] : []),
    '   /reveal  the key points (answers after it carry no level signal)',
    '   /time    where you are on the clock',
    '   /quit    finish now with the scorecard (also /finish; Ctrl-C does the same)',
    `   Answers end with a line holding only "${END_OF_ANSWER}".`,
    '',
  ].join('\n');
}

/** A practice interview in the terminal, driven by the same core engine as every chat platform. */
export async function runPractice(options: PracticeOptions): Promise<PracticeOutcome> {
  const { question, pacing, scorer, write } = options;
  const mock = options.mock ?? false;
  const now = options.now ?? Date.now;
  const show = (step: Step): SessionState => {
    for (const event of step.events) write(renderEvent(event));
    return step.state;
  };

  write(practiceInstructions(mock));
  let state = show(
    startSession({ id: 'console:local', question, mode: mock ? 'mock' : 'practice', candidateId: CANDIDATE, pacing, maxFollowUps: options.maxFollowUps, now: now(), clock: 'wall' }),
  );
  const reader = new LineReader(options.input);
  const interrupted = new Promise<'interrupted'>((resolve) => {
    if (options.signal?.aborted) resolve('interrupted');
    options.signal?.addEventListener('abort', () => resolve('interrupted'), { once: true });
  });
  // A live mock checks for silence: one gentle nudge per phase, as the pacing file says.
  const timer = mock ? setInterval(() => (state = show(tick(state, question, pacing, now()))), options.tickEveryMs ?? DEFAULT_TICK_MS) : undefined;
  timer?.unref();
  let wasInterrupted = false;
  try {
    while (state.status === 'active') {
      if (options.interactive) write('> ');
      const input: AnswerInput | 'interrupted' = await Promise.race([readAnswer(reader), interrupted]);
      if (input === 'interrupted') {
        wasInterrupted = true;
        write('\n\nInterrupted: here is your scorecard so far.\n');
        state = show(finishSession(state, question, CANDIDATE, now(), pacing));
        break;
      }
      if (input.kind === 'end') {
        state = show(finishSession(state, question, CANDIDATE, now(), pacing));
        break;
      }
      if (input.kind === 'unknown-command') {
        write(`ℹ️  ${input.word} is not a command here (nothing was scored). Type /help for the list.\n`);
        continue;
      }
      if (input.kind === 'command') {
        switch (input.command) {
          case '/hint':
            state = show(giveHint(state, question, CANDIDATE, now(), mock ? pacing : undefined));
            break;
          case '/skip':
            state = show(nextFollowUp(state, question, mock ? pacing : undefined, CANDIDATE, now()));
            break;
          case '/next':
            state = show(mock ? nextPhase(state, question, pacing, CANDIDATE, now()) : nextFollowUp(state, question, undefined, CANDIDATE, now()));
            break;
          case '/reveal':
            state = show(revealInSession(state, question, CANDIDATE, now()));
            // Only at a terminal: piped input was written in advance, so its next lines are not ratings.
            if (options.interactive) await options.afterReveal?.({ state, question, ask: (prompt) => (write(prompt), reader.next()) });
            break;
          case '/time':
            write(phaseClock(state, mock ? pacing : undefined, now()));
            break;
          case '/help':
            write(helpText(mock));
            break;
          case '/finish':
          case '/quit':
            state = show(finishSession(state, question, CANDIDATE, now(), pacing));
            break;
        }
        continue;
      }
      if (!input.text.trim()) {
        write(`That answer is empty. Write a few sentences, then a line with only "${END_OF_ANSWER}".\n`);
        if (input.endOfInput) state = show(finishSession(state, question, CANDIDATE, now(), pacing));
        continue;
      }
      try {
        const target = scoringTarget(state, question, mock ? pacing : undefined);
        const result = target ? await scorer.score(target, textToScore(input.text)) : undefined;
        state = show(recordAnswer(state, question, mock ? pacing : undefined, { by: CANDIDATE, text: input.text, ...(result ? { result } : {}), now: now() }));
      } catch (error) {
        if (!isUserError(error)) throw error;
        write(`${error.message}\n`);
      }
      if (input.endOfInput && state.status === 'active') state = show(finishSession(state, question, CANDIDATE, now(), pacing));
    }
  } finally {
    if (timer) clearInterval(timer);
    await reader.close();
  }
  return { state, interrupted: wasInterrupted };
}
