import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, LlmConfigError, loadLlmConfig } from '../src/scoring/llm/config.ts';

describe('loadLlmConfig', () => {
  it('is off without OPENAI_API_KEY and OPENAI_BASE_URL, blank counting as unset', () => {
    expect(loadLlmConfig({})).toBeUndefined();
    expect(loadLlmConfig({ OPENAI_API_KEY: '  ', OBS_LLM_MODEL: 'gpt-4o' })).toBeUndefined();
  });

  it('turns on with a key, with sensible defaults', () => {
    expect(loadLlmConfig({ OPENAI_API_KEY: 'k-123456789' })).toEqual({
      apiKey: 'k-123456789',
      baseUrl: undefined,
      model: DEFAULT_MODEL,
      timeoutMs: 20_000,
      maxRetries: 2,
      maxTokens: 800,
      dailyBudget: 200,
      cacheTtlSeconds: 604_800,
    });
  });

  it('turns on with a base URL alone, for local servers', () => {
    expect(loadLlmConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', OBS_LLM_TIMEOUT_MS: '60000' })).toMatchObject({
      apiKey: undefined,
      baseUrl: 'http://localhost:11434/v1',
      timeoutMs: 60_000,
    });
  });

  it('reports every bad variable at once, one line each, by name only', () => {
    const env = { OPENAI_API_KEY: 'k-123456789', OBS_LLM_MAX_TOKENS: '12.5', OBS_LLM_MAX_RETRIES: 'lots', OBS_LLM_MODEL: 'has spaces in it' };
    let caught: unknown;
    try {
      loadLlmConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LlmConfigError);
    const error = caught as LlmConfigError;
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(['OBS_LLM_MAX_RETRIES', 'OBS_LLM_MAX_TOKENS', 'OBS_LLM_MODEL']);
    expect(error.message.split('\n')).toHaveLength(4);
    for (const value of Object.values(env)) expect(error.message).not.toContain(value);
  });
});
