import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { UserDataStore } from '../src/store/user-data-store.ts';
import { startPrivateRedis } from '../test/helpers/redis-server.ts';
import type { Bench } from './types.ts';

/**
 * `forget-me` and `obs-bot export` walk the key space with SCAN and read every session of the
 * platform (answers are inside shared sessions). This measures both over 20,000 sessions of
 * 500 people in a private redis-server. Target: under 5 s each, well inside a job's run.
 */
const SESSIONS = 20_000;
const PEOPLE = 500;
const TARGET_MS = 5_000;
const PREFIX = 'bench:store';

function sessionState(index: number): string {
  const excerpt = 'I would sample at the tail and keep every error trace. '.repeat(5);
  return JSON.stringify({ v: 1, id: `slack:T1:C1:${index}.1`, questionId: 'q', mode: 'channel', answers: [{ by: `U${index % PEOPLE}`, at: 1, excerpt }], hints: [] });
}

export const bench: Bench = {
  name: 'forget-me',
  async run() {
    const server = await startPrivateRedis('obs-bench-forget');
    const redis = new Redis(server.url);
    try {
      for (let start = 0; start < SESSIONS; start += 1_000) {
        const pipeline = redis.pipeline();
        for (let index = start; index < start + 1_000; index += 1) pipeline.hset(`${PREFIX}:session:{T1}:slack:T1:C1:${index}.1`, 'state', sessionState(index), 'ver', '1');
        await pipeline.exec();
      }
      const store = new UserDataStore(redis, PREFIX);
      let started = performance.now();
      const exported = await store.export('slack', 'U8');
      const exportMs = performance.now() - started;
      started = performance.now();
      // As forget-me calls it: the answers for the LLM cache come from the same walk of the sessions.
      let answers: string[] = [];
      const counts = await store.forget('slack', 'U7', {
        beforeDeleting: (found) => {
          answers = found.texts;
          return Promise.resolve();
        },
      });
      const forgetMs = performance.now() - started;
      const expected = SESSIONS / PEOPLE;
      const ok = exportMs < TARGET_MS && forgetMs < TARGET_MS && counts.answers === expected && exported.sessions.length === expected && answers.length === 1;
      return {
        title: `forget-me / export over ${SESSIONS.toLocaleString('en')} sessions (target < ${TARGET_MS} ms each)`,
        lines: [
          `export: ${Math.round(exportMs)} ms (${exported.sessions.length} sessions found)`,
          `forget: ${Math.round(forgetMs)} ms (${counts.answers} answers removed from shared sessions, ${answers.length} distinct texts for the LLM cache)`,
          `load average: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`,
        ],
        ok,
      };
    } finally {
      await redis.quit();
      await server.stop();
    }
  },
};
