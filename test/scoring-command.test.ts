import { afterEach, describe, expect, it } from 'vitest';
import { KEYWORD_LIMITS } from '../src/app/interactions/commands/scoring.ts';
import { createScoring } from '../src/scoring/resolve-scorer.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';
import { startHarness, type Harness } from './slack-worker.harness.ts';
import { OpenAiStub } from './stubs/openai-server.ts';

/**
 * `/obs-question scoring …` through the real worker and Slack stand-in, with the real
 * scorer resolution behind it: the choice decides whether an answer reaches the LLM.
 */
describe('/obs-question scoring', () => {
  let h: Harness;
  let openai: OpenAiStub;
  const redis = testRedis();

  async function start(llm: boolean): Promise<void> {
    openai = await OpenAiStub.start();
    const env = llm ? { OPENAI_BASE_URL: openai.baseURL, OBS_LLM_MAX_RETRIES: '0' } : {};
    const { resolver, settings, llmConfig } = await createScoring({ redis, prefix: uniquePrefix('scoring'), env });
    h = await startHarness({
      adminUserIds: ['UADMIN'],
      resolveScorer: (scope) => resolver.resolve(scope),
      scoring: {
        llmAvailable: llmConfig !== undefined,
        get: (scope) => settings.get(scope),
        set: (scope, choice) => settings.set(scope, choice),
        clear: (scope) => settings.clear(scope),
      },
    });
  }

  const lastResponse = (): string => JSON.stringify(h.stub.responses.at(-1) ?? {});

  async function answerOnce(): Promise<void> {
    await h.run(h.command(''));
    const root = h.stub.messages.at(-1)?.ts ?? '';
    await h.run(h.answer(root, 'U2', 'We propagate traceparent context and use tail sampling to keep errors.'));
  }

  afterEach(async () => {
    await h.close();
    await openai.close();
  });

  it('shows the current scorer to anyone', async () => {
    await start(true);
    await h.run(h.command('scoring', { userId: 'U2' }));
    expect(lastResponse()).toContain('scored by the LLM judge');
    // The keyword scorer's limits are said only where the keyword scorer decides.
    expect(lastResponse()).not.toContain(KEYWORD_LIMITS);
  });

  it('where keywords decide, says what the keyword scorer cannot judge', async () => {
    await start(false);
    await h.run(h.command('scoring', { userId: 'U2' }));
    expect(lastResponse()).toContain('scored by the built-in keyword scorer');
    expect(lastResponse()).toContain(KEYWORD_LIMITS);
  });

  it('an admin switches a channel to keyword scoring, and answers stop reaching the LLM', async () => {
    await start(true);
    await answerOnce();
    expect(openai.requests).toHaveLength(1);

    await h.run(h.command('scoring keyword', { userId: 'UADMIN' }));
    expect(lastResponse()).toContain('this channel are now scored by the built-in keyword scorer');
    await answerOnce();
    expect(openai.requests).toHaveLength(1);

    await h.run(h.command('scoring reset', { userId: 'UADMIN' }));
    await answerOnce();
    expect(openai.requests).toHaveLength(2);
  });

  it('refuses a non-admin politely and changes nothing', async () => {
    await start(true);
    await h.run(h.command('scoring keyword workspace', { userId: 'U2' }));
    expect(lastResponse()).toContain('Sorry, only workspace admins and owners can change how answers are scored in the whole workspace');
    await answerOnce();
    expect(openai.requests).toHaveLength(1);
  });

  it('refuses the LLM where none is configured', async () => {
    await start(false);
    await h.run(h.command('scoring llm', { userId: 'UADMIN' }));
    expect(lastResponse()).toContain('LLM scoring is not configured on this install');
    await h.run(h.command('scoring', { userId: 'U2' }));
    expect(lastResponse()).toContain('built-in keyword scorer');
  });

  it('an unknown scoring word gets help naming it', async () => {
    await start(false);
    await h.run(h.command('scoring gpt', { userId: 'UADMIN' }));
    expect(lastResponse()).toContain('scoring gpt');
  });
});
