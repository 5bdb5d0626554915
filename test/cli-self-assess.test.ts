import { userInfo } from 'node:os';
import { Readable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { StoreKeys } from '../src/store/keys.ts';
import { SelfAssessmentStore } from '../src/store/self-assessment-store.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';

/** Terminal practice: after /reveal, a g/p/m prompt per key point, saved to Redis when it answers. */
const ANSWER = 'We propagate W3C traceparent headers on every hop, including Kafka message headers.\nTail sampling in the collector keeps all errors.\n.';

let redis: Redis;
let pointCount = 0;

async function practise(input: string, interactive: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await main(['practice', '--question', 'tracing-100-services', '--followups', '1'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: Readable.from([input]),
    interactive,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  pointCount = (await loadQuestionBank('content')).require('tracing-100-services').rubric.length;
});

afterAll(() => redis.disconnect());

afterEach(() => vi.unstubAllEnvs());

describe('practice self-assessment in the terminal', () => {
  it('asks per point after /reveal (g/p/m, Enter skips, nonsense asks again), compares and saves', async () => {
    const prefix = uniquePrefix('cli-sa');
    vi.stubEnv('REDIS_URL', testRedisUrl());
    vi.stubEnv('OBS_QUEUE_PREFIX', prefix);
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const ratings = ['g', '', 'huh?', 'p', 'm', ...Array.from({ length: pointCount - 3 }, () => '')];
    const run = await practise([ANSWER, '/reveal', ...ratings, '/finish', ''].join('\n'), true);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.match(/How did you do on \d\/\d/g)).toHaveLength(pointCount + 1);
    const line = /🪞 Self-assessed: 1 got · 1 partly · 1 missed — the keyword check agreed on (\d) of 3 \(saved\)/.exec(run.stdout);
    expect(line).not.toBeNull();

    const store = new SelfAssessmentStore(redis, new StoreKeys(`${prefix}:store`));
    const records = await store.list('local', userInfo().username);
    expect(records.map((record) => record.rating).sort()).toEqual(['got', 'missed', 'partly']);
    expect(records.every((record) => record.automatic?.scorer === 'keyword' && record.questionId === 'tracing-100-services')).toBe(true);
    const agreed = records.filter((record) => ({ got: 'covered', partly: 'partial', missed: 'missed' })[record.rating] === record.automatic?.verdict).length;
    expect(Number(line?.[1])).toBe(agreed);
    expect(run.stdout).toContain('🏁 Scorecard');
  });

  it('without a Redis that answers: shown, not saved, said once, no hang', async () => {
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${await freePort()}`);
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const run = await practise([ANSWER, '/reveal', 'g', ...Array.from({ length: pointCount - 1 }, () => ''), '/finish', ''].join('\n'), true);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/🪞 Self-assessed: 1 got · 0 partly · 0 missed — the keyword check agreed on [01] of 1\n/);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('self-assessments are not saved: Redis at redis://127.0.0.1:')]);
  });

  it('piped input is not asked: the lines after /reveal stay answers', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const run = await practise(['/reveal', ANSWER, ''].join('\n'), false);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('How did you do');
    expect(run.stdout).toMatch(/So far: [1-9]\/\d+ points covered/);
  });
});
