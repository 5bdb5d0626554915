import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorer } from '../src/core/scoring/types.ts';
import { chooseScorer, createScoring, ScorerResolver } from '../src/scoring/resolve-scorer.ts';
import { ScorerSettingsStore } from '../src/scoring/scorer-settings.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

let redis: Redis;

beforeAll(() => {
  redis = testRedis();
});

afterAll(() => {
  redis.disconnect();
});

const fakeScorer = (name: 'keyword' | 'llm'): Scorer => ({
  name,
  score: async () => ({ questionId: 'q', scorer: name, score: 0, points: [], notices: [] }),
});

describe('ScorerSettingsStore', () => {
  it('stores a workspace choice and lets a channel override it', async () => {
    const store = new ScorerSettingsStore(redis, uniquePrefix('settings'));
    expect(await store.get({ workspaceId: 'T1' })).toBeUndefined();
    await store.set({ workspaceId: 'T1' }, 'keyword');
    await store.set({ workspaceId: 'T1', channelId: 'C9' }, 'llm');
    expect(await store.get({ workspaceId: 'T1' })).toBe('keyword');
    expect(await store.get({ workspaceId: 'T1', channelId: 'C9' })).toBe('llm');
    expect(await store.get({ workspaceId: 'T1', channelId: 'C1' })).toBe('keyword');
    expect(await store.get({ workspaceId: 'T2', channelId: 'C9' })).toBeUndefined();

    await store.clear({ workspaceId: 'T1', channelId: 'C9' });
    expect(await store.get({ workspaceId: 'T1', channelId: 'C9' })).toBe('keyword');
  });
});

describe('choosing a scorer', () => {
  it('uses keywords unless the LLM is configured and not turned off; the LLM is the default when configured', () => {
    expect(chooseScorer(false, undefined)).toBe('keyword');
    expect(chooseScorer(false, 'llm')).toBe('keyword');
    expect(chooseScorer(true, undefined)).toBe('llm');
    expect(chooseScorer(true, 'keyword')).toBe('keyword');
    expect(chooseScorer(true, 'llm')).toBe('llm');
  });

  it('resolves per workspace and channel', async () => {
    const settings = new ScorerSettingsStore(redis, uniquePrefix('resolve'));
    const keyword = fakeScorer('keyword');
    const llm = fakeScorer('llm');
    const resolver = new ScorerResolver({ keyword, llm, choices: settings });
    expect(await resolver.resolve({ workspaceId: 'T1', channelId: 'C1' })).toBe(llm);
    await settings.set({ workspaceId: 'T1', channelId: 'C1' }, 'keyword');
    expect(await resolver.resolve({ workspaceId: 'T1', channelId: 'C1' })).toBe(keyword);
    expect(await resolver.resolve({ workspaceId: 'T1', channelId: 'C2' })).toBe(llm);
  });

  it('uses the default when the setting cannot be read', async () => {
    const llm = fakeScorer('llm');
    const resolver = new ScorerResolver({ keyword: fakeScorer('keyword'), llm, choices: { get: () => Promise.reject(new Error('redis down')) }, logger: silentLogger() });
    expect(await resolver.resolve({ workspaceId: 'T1' })).toBe(llm);
  });
});

describe('createScoring', () => {
  it('without OPENAI_API_KEY or OPENAI_BASE_URL, always scores by keywords', async () => {
    const prefix = uniquePrefix('scoring');
    const { resolver, settings, llmConfig } = await createScoring({ redis, prefix, env: {} });
    expect(llmConfig).toBeUndefined();
    expect(resolver.llmConfigured).toBe(false);
    await settings.set({ workspaceId: 'T1' }, 'llm');
    expect((await resolver.resolve({ workspaceId: 'T1' })).name).toBe('keyword');
  });

  it('with a base URL alone (a local server), defaults to the LLM', async () => {
    const { resolver, llmConfig } = await createScoring({ redis, prefix: uniquePrefix('scoring'), env: { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OBS_LLM_MODEL: 'llama3.1:8b' } });
    expect(llmConfig).toMatchObject({ apiKey: undefined, model: 'llama3.1:8b', timeoutMs: 20_000, maxRetries: 2, maxTokens: 800, dailyBudget: 200 });
    expect((await resolver.resolve({ workspaceId: 'T1' })).name).toBe('llm');
  });
});

function silentLogger() {
  const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => logger };
  return logger;
}
