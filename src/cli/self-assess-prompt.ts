import { userInfo } from 'node:os';
import type { Question } from '../core/content/schema.ts';
import { coverageOf } from '../core/interview/coverage.ts';
import type { SessionState } from '../core/interview/session-state.ts';
import { describeRedisUrl } from '../infra/redis.ts';
import { QUEUE_PREFIX, storePrefixOf } from '../queue/names.ts';
import { StoreKeys } from '../store/keys.ts';
import { SelfAssessmentStore, summarise, type SelfAssessment, type SelfRating } from '../store/self-assessment-store.ts';
import { closeQuietly, connectIfAnswering } from './optional-redis.ts';
import { cliRedisTarget } from './redis-target.ts';

/**
 * Self-assessment in the terminal: after /reveal, one prompt per key point (g/p/m, Enter to
 * skip), then one line comparing the person's verdicts with the automatic ones. Stored in
 * the bot's Redis (workspace "local", the OS user) when REDIS_URL answers, so the same
 * records sit beside chat ones; otherwise only shown.
 */
export const LOCAL_WORKSPACE = 'local';

const ANSWERS: Record<string, SelfRating> = { g: 'got', got: 'got', 'got it': 'got', p: 'partly', partly: 'partly', m: 'missed', missed: 'missed' };

export interface RevealContext {
  state: SessionState;
  question: Question;
  /** Writes the prompt and reads one line; undefined at end of input. */
  ask: (prompt: string) => Promise<string | undefined>;
}

export interface TerminalSelfAssessment {
  afterReveal(context: RevealContext): Promise<void>;
  close(): Promise<void>;
}

function checkName(records: readonly SelfAssessment[]): string {
  const scorers = new Set(records.flatMap((record) => (record.automatic ? [record.automatic.scorer] : [])));
  if (scorers.size === 1 && scorers.has('llm')) return 'the LLM judge';
  if (scorers.size === 1) return 'the keyword check';
  return 'the automatic checks';
}

/** "Self-assessed: 1 got · 1 partly · 0 missed — the keyword check agreed on 1 of 2". */
export function selfAssessedText(records: readonly SelfAssessment[]): string | undefined {
  const summary = summarise(records);
  if (!summary) return undefined;
  const agreement = summary.compared > 0 ? `${checkName(records)} agreed on ${summary.agreed} of ${summary.compared}` : 'nothing to compare (no answer was scored)';
  return `Self-assessed: ${summary.got} got · ${summary.partly} partly · ${summary.missed} missed — ${agreement}`;
}

/** Asks for each point; returns the records of the points rated. Enter skips a point; end of input stops. */
export async function askForRatings(context: RevealContext, userId: string, now: () => number): Promise<SelfAssessment[]> {
  const { state, question, ask } = context;
  const answered = state.answers.filter((answer) => answer.by === state.candidateId);
  const scorer = answered.length === 0 ? undefined : answered.some((answer) => answer.scorer === 'keyword') ? 'keyword' : 'llm';
  const coverage = coverageOf(question, state, state.candidateId);
  const records: SelfAssessment[] = [];
  for (const [index, point] of question.rubric.entries()) {
    let rating: SelfRating | undefined;
    for (let attempt = 0; attempt < 3 && rating === undefined; attempt += 1) {
      const line = await ask(`How did you do on ${index + 1}/${question.rubric.length} ${point.theme}? [g]ot it / [p]artly / [m]issed, Enter to skip: `);
      if (line === undefined) return records;
      const word = line.trim().toLowerCase();
      if (!word) break;
      rating = ANSWERS[word];
    }
    if (!rating) continue;
    const verdict = coverage[index]?.verdict;
    records.push({
      workspaceId: LOCAL_WORKSPACE,
      userId,
      sessionId: state.id,
      questionId: question.id,
      pointId: point.id,
      rating,
      ...(scorer && verdict ? { automatic: { verdict, scorer } } : {}),
      at: now(),
    });
  }
  return records;
}

export async function createTerminalSelfAssessment(options: {
  write: (text: string) => void;
  note: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}): Promise<TerminalSelfAssessment> {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  let userId = 'you';
  try {
    userId = userInfo().username || userId;
  } catch {
    // No user database entry (some containers): one shared local name.
  }
  const url = cliRedisTarget(env, false);
  const connected = url ? await connectIfAnswering(url) : undefined;
  if (url && connected && !connected.ok) options.note(`self-assessments are not saved: Redis at ${describeRedisUrl(url)} did not answer (${connected.reason}).`);
  const redis = connected?.ok ? connected.redis : undefined;
  const store = redis ? new SelfAssessmentStore(redis, new StoreKeys(storePrefixOf(env.OBS_QUEUE_PREFIX?.trim() || QUEUE_PREFIX))) : undefined;

  return {
    async afterReveal(context) {
      const records = await askForRatings(context, userId, now);
      let saved = false;
      if (store && records.length > 0) {
        try {
          for (const record of records) await store.record(record);
          saved = true;
        } catch (error) {
          options.note(`self-assessments are not saved: ${(error as Error).message}`);
        }
      }
      const line = selfAssessedText(records);
      if (line) options.write(`🪞 ${line}${saved ? ' (saved)' : ''}\n`);
    },
    close: () => (redis ? closeQuietly(redis) : Promise.resolve()),
  };
}
