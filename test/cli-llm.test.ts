import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEYWORD_SCOPE_NOTE } from '../src/scoring/honest-wording.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { runCli } from './helpers/run-cli.ts';
import { judgeReplyContent, judgeSchemaIds, OpenAiStub, type RecordedRequest } from './stubs/openai-server.ts';

/**
 * The CLI with an LLM configured: the real binary in a child process, the OpenAI stand-in
 * reached through OPENAI_BASE_URL, and Redis present, absent or not answering.
 */
const CONTENT = 'test/fixtures/llm-eval/content';
const QUESTION = 'tracing-100-services';
const ANSWER = `Every service propagates W3C traceparent headers on each hop.
Kafka passes the trace context along automatically, so consumers need nothing.
.`;
const KAFKA_SENTENCE = 'Kafka passes the trace context along automatically, so consumers need nothing.';

let stub: OpenAiStub;
let redis: Redis;

/** A judge that covers propagation with a real quote and reports the Kafka misconception. */
function judge(request: RecordedRequest) {
  const { pointIds } = judgeSchemaIds(request);
  return {
    content: judgeReplyContent({
      points: pointIds.map((id) => (id === 'context-propagation' ? { id, verdict: 'covered' as const, evidence: 'propagates W3C traceparent headers' } : { id, verdict: 'missed' as const, note: 'not discussed' })),
      misconceptions: [{ id: 'kafka-carries-context', quote: KAFKA_SENTENCE }],
    }),
  };
}

function llmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { OPENAI_BASE_URL: stub.baseURL, OBS_LLM_MODEL: 'stub-judge', OBS_LLM_MAX_RETRIES: '0', OBS_LLM_TIMEOUT_MS: '5000', ...extra };
}

interface ScoreJson {
  scorer: string;
  decidedBy: string;
  score: number;
  points: { id: string; verdict: string; evidence: string | null }[];
  misconceptions: { id: string; claim: string; correction: string; quote: string }[];
  notices: string[];
}

function score(env: NodeJS.ProcessEnv, extraArgs: string[] = []) {
  return runCli(['score', '--question', QUESTION, '--dir', CONTENT, '--json', ...extraArgs], { input: ANSWER, env });
}

beforeAll(async () => {
  stub = await OpenAiStub.start();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});

afterAll(async () => {
  await stub.close();
  redis.disconnect();
});

beforeEach(() => {
  stub.reset();
  stub.otherwise(judge);
});

describe('obs-bot score with an LLM configured', () => {
  it('uses the LLM without asking, names it in decidedBy, and says once that nothing is cached without REDIS_URL', async () => {
    const run = await score(llmEnv());
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScoreJson;
    expect(result.scorer).toBe('llm');
    expect(result.decidedBy).toBe('llm:stub-judge');
    expect(result.points.find((point) => point.id === 'context-propagation')).toEqual({ id: 'context-propagation', verdict: 'covered', evidence: 'propagates W3C traceparent headers' });
    expect(result.misconceptions).toEqual([
      expect.objectContaining({ id: 'kafka-carries-context', quote: KAFKA_SENTENCE, claim: expect.stringContaining('Kafka carries the trace context') as string }),
    ]);
    expect(stub.requests).toHaveLength(1);
    expect(run.stderr.trim().split('\n')).toEqual(['obs-bot score: LLM verdicts are not cached: REDIS_URL is not set.']);
  });

  it('caches verdicts in Redis when REDIS_URL answers: the second run makes no request', async () => {
    const prefix = uniquePrefix('cli-llm');
    const env = llmEnv({ REDIS_URL: testRedisUrl(), OBS_QUEUE_PREFIX: prefix });
    const first = await score(env);
    const second = await score(env);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(stub.requests).toHaveLength(1);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    const keys = await redis.keys(`${prefix}:llm:score:${QUESTION}:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(':judge-v2:stub-judge:');
    // No budget in the CLI: that guards chat workspaces, not a person at a terminal.
    expect(await redis.keys(`${prefix}:llm:budget:*`)).toEqual([]);
  });

  it('does not hang on a REDIS_URL where nothing listens: scores without a cache and says why', async () => {
    const port = await freePort();
    const started = Date.now();
    const run = await score(llmEnv({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}` }));
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ScoreJson).decidedBy).toBe('llm:stub-judge');
    expect(run.stderr).toMatch(new RegExp(`LLM verdicts are not cached: Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/? did not answer`));
    expect(run.stderr).not.toContain('hunter2secret');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('keeps the API key out of everything it prints, even when the server echoes it', async () => {
    const key = 'obs-cli-key-4d3c2b1a0f9e8d7c';
    stub.reset();
    stub.otherwise((request) => ({ status: 401, body: { error: { message: `Incorrect API key provided: ${String(request.headers.authorization)}`, type: 'invalid_request_error' } } }));
    const run = await score(llmEnv({ OPENAI_API_KEY: key }));
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ScoreJson).decidedBy).toBe('keyword (fallback: http_error)');
    expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(run.stderr).toContain('Incorrect API key provided');
    expect(`${run.stdout}${run.stderr}`).not.toContain(key);
  });

  it('names the fallback when the LLM fails', async () => {
    stub.reset();
    stub.otherwise({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } });
    const run = await score(llmEnv());
    const result = JSON.parse(run.stdout) as ScoreJson;
    expect(run.code).toBe(0);
    expect(result.scorer).toBe('keyword');
    expect(result.decidedBy).toBe('keyword (fallback: http_error)');
    expect(result.notices).toContain('Scored by keywords: the LLM did not answer in time or was unavailable');
  });

  it('--scorer keyword never calls the LLM, and the text output says what a keyword check can judge', async () => {
    const run = await runCli(['score', '--question', QUESTION, '--dir', CONTENT, '--scorer', 'keyword'], { input: ANSWER, env: llmEnv() });
    expect(run.code).toBe(0);
    expect(stub.requests).toHaveLength(0);
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^${QUESTION}: \\d+/100 \\(decided by keyword\\)$`));
    expect(run.stdout).toContain(KEYWORD_SCOPE_NOTE);
  });

  it('the text output names the LLM and shows the misconception with its correction', async () => {
    const run = await runCli(['score', '--question', QUESTION, '--dir', CONTENT], { input: ANSWER, env: llmEnv() });
    expect(run.code).toBe(0);
    // 3 of 11 weighted points (27), less 15 for the misconception.
    expect(run.stdout.split('\n')[0]).toBe(`${QUESTION}: 12/100 (decided by llm:stub-judge)`);
    expect(run.stdout).toContain('⚠ Misconception: Kafka carries the trace context between producer and consumer on its own. → Context crosses a queue only if');
    expect(run.stdout).toContain(`you wrote: “${KAFKA_SENTENCE}”`);
    expect(run.stdout).not.toContain(KEYWORD_SCOPE_NOTE);
  });
});

describe('--scorer llm without an LLM', () => {
  it.each([
    ['score', ['score', '--question', QUESTION, '--dir', CONTENT]],
    ['practice', ['practice', '--question', QUESTION, '--dir', CONTENT]],
    ['eval', ['eval', '--content', CONTENT, 'test/fixtures/llm-eval/dataset']],
  ])('%s exits 2 naming the variables to set', async (_name, args) => {
    const run = await runCli([...args, '--scorer', 'llm'], { input: ANSWER });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OPENAI_API_KEY');
    expect(run.stderr).toContain('OPENAI_BASE_URL');
    expect(run.stdout).toBe('');
  });

  it('a malformed configuration is an error too, not a silent keyword score', async () => {
    const run = await runCli(['score', '--question', QUESTION, '--dir', CONTENT], { input: ANSWER, env: { OPENAI_BASE_URL: 'ftp://nowhere' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('OPENAI_BASE_URL: must be an http(s) URL');
  });

  it('without any configuration the keyword scorer decides, with no note about caching', async () => {
    const run = await score({});
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ScoreJson).decidedBy).toBe('keyword');
    expect(run.stderr).toBe('');
  });
});

describe('practice and eval with an LLM configured', () => {
  it('practice scores each answer with the LLM and shows the misconception', async () => {
    const run = await runCli(['practice', '--question', QUESTION, '--dir', CONTENT, '--followups', '0'], { input: ANSWER, env: llmEnv() });
    expect(run.code).toBe(0);
    expect(stub.requests.length).toBeGreaterThanOrEqual(1);
    expect(run.stdout).toContain('🏁 Scorecard');
    expect(run.stderr).toContain('not cached');
  });

  it('eval uses the LLM without --scorer', async () => {
    const run = await runCli(['eval', '--content', CONTENT, 'test/fixtures/llm-eval/dataset'], { env: llmEnv() });
    expect(run.code).toBe(0);
    expect(stub.requests.length).toBeGreaterThan(0);
    expect(run.stdout).toContain('LLM calls');
  });
});
