import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandText, needsManageServer, type CommandOptions } from '../src/adapters/discord/commands/command-text.ts';
import { suggest, suggestTopicList } from '../src/adapters/discord/commands/autocomplete.ts';
import { OBS_QUESTION_COMMAND } from '../src/adapters/discord/commands/definition.ts';
import { intentsFor } from '../src/adapters/discord/client.ts';
import { decodeCustomId, encodeCustomId } from '../src/adapters/discord/custom-ids.ts';
import { DISCORD_LIMITS, embedLength } from '../src/adapters/discord/render/limits.ts';
import { renderMessage, RENDERERS } from '../src/adapters/discord/render/index.ts';
import { fromAppMarkup } from '../src/adapters/discord/render/markdown.ts';
import { nonceFor } from '../src/adapters/discord/sender.ts';
import { mapDiscordError } from '../src/adapters/discord/sender-errors.ts';
import { ConfigError, hasDiscordCredentials, loadConfig } from '../src/config/index.ts';
import { parseObsCommand } from '../src/core/commands/grammar.ts';
import { PermanentDeliveryError, RateLimitError } from '../src/core/errors.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { DiscordAPIError, RateLimitError as RestRateLimitError } from '@discordjs/rest';
import { runCli } from './helpers/run-cli.ts';
import { DiscordStub } from './stubs/discord-api.ts';
import { DISCORD_TOKEN, GUILD, STUB_GUILD } from './stubs/discord-harness.ts';
import type { CoveredPoint } from '../src/core/interview/coverage.ts';

const APP_ID = '900000000000000001';

function options(subcommand: string, values: Record<string, string> = {}, group: string | null = null): CommandOptions {
  return { group, subcommand, get: (name) => values[name] ?? null };
}

describe('Discord options → the shared grammar', () => {
  it('every sub-command becomes words the worker parses into the same command objects as Slack’s', () => {
    expect(parseObsCommand(commandText(options('ask', { topic: 'tracing' })))).toEqual({ kind: 'question', topic: 'tracing' });
    expect(parseObsCommand(commandText(options('ask')))).toEqual({ kind: 'question' });
    expect(parseObsCommand(commandText(options('mock', { topic: 'slos' })))).toEqual({ kind: 'mock', topic: 'slos' });
    expect(parseObsCommand(commandText(options('stats', { public: 'on' })))).toEqual({ kind: 'stats-public', public: true });
    expect(parseObsCommand(commandText(options('scoring', { choice: 'keyword', scope: 'workspace' })))).toEqual({ kind: 'scoring', change: { choice: 'keyword', scope: 'workspace' } });
    expect(parseObsCommand(commandText(options('scoring')))).toEqual({ kind: 'scoring' });
    expect(parseObsCommand(commandText(options('leaderboard')))).toEqual({ kind: 'leaderboard' });
    expect(commandText(options('set', { time: '09:30', timezone: 'Europe/Berlin', days: 'mon,wed', topics: 'tracing, slos' }, 'daily'))).toBe('daily set 09:30 Europe/Berlin mon,wed tracing,slos');
    expect(commandText(options('reveal-after', { duration: '6h' }, 'daily'))).toBe('daily reveal-after 6h');
  });

  it('an option cannot smuggle in another sub-command', () => {
    expect(() => commandText(options('ask', { topic: 'daily off' }))).toThrow(/not valid/);
    expect(() => commandText(options('set', { time: '09:30 now' }, 'daily'))).toThrow(/not valid/);
  });

  it('only the changing sub-commands need Manage Server', () => {
    expect(needsManageServer(options('set', {}, 'daily'))).toBe(true);
    expect(needsManageServer(options('now', {}, 'daily'))).toBe(true);
    expect(needsManageServer(options('status', {}, 'daily'))).toBe(false);
    expect(needsManageServer(options('scoring'))).toBe(false);
    expect(needsManageServer(options('scoring', { choice: 'llm' }))).toBe(true);
  });

  it('the command definition is one guild command with the issue’s sub-commands and autocompleted topic and timezone', () => {
    const names = (OBS_QUESTION_COMMAND.options ?? []).map((option) => option.name);
    expect(names).toEqual(['ask', 'mock', 'topics', 'stats', 'help', 'leaderboard', 'forget-me', 'scoring', 'daily', 'peer', 'pair']);
    const json = JSON.stringify(OBS_QUESTION_COMMAND);
    expect(json).toMatch(/"name":"timezone"[^}]*"autocomplete":true/);
    expect(json).toMatch(/"name":"topic"[^}]*"autocomplete":true/);
  });

  it('autocomplete: prefix matches first, then anywhere; topic lists complete their last item', () => {
    expect(suggest(['Europe/Berlin', 'America/New_York', 'Asia/Berlinish'], 'berl')).toEqual(['Europe/Berlin', 'Asia/Berlinish']);
    expect(suggest(Array.from({ length: 40 }, (_, i) => `t${i}`), '')).toHaveLength(25);
    expect(suggestTopicList(['tracing', 'slos', 'sampling'], 'tracing,sa')).toEqual(['tracing,sampling']);
  });

  it('custom ids round-trip within Discord’s 100 characters; foreign ids are not ours', () => {
    const threadId = `discord:${GUILD}:920000000000000001:960000000000000001`;
    const id = encodeCustomId('answer-modal', threadId);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(id)).toEqual({ kind: 'answer-modal', threadId });
    expect(decodeCustomId('obs:hint')).toEqual({ kind: 'hint' });
    expect(decodeCustomId('other:hint')).toBeUndefined();
    expect(decodeCustomId('obs:launch')).toBeUndefined();
  });

  it('asks for no privileged intent unless DISCORD_MESSAGE_CONTENT is on', () => {
    expect(intentsFor({ messageContent: false }).reduce((a, b) => a | b, 0)).toBe(1);
    expect(intentsFor({ messageContent: true }).reduce((a, b) => a | b, 0)).toBe(1 | 512 | 32768);
  });
});

describe('Discord rendering within limits', () => {
  const point = (i: number): CoveredPoint => ({ id: `p${i}`, theme: `Theme ${i}`, point: 'x', weight: 2, verdict: 'partial', evidence: 'e'.repeat(270), note: 'n'.repeat(200) });

  it('splits long feedback over embeds and messages: ≤4,096 a description, ≤10 embeds and ≤6,000 characters a message, ≤2,000 content', () => {
    const points = Array.from({ length: 30 }, (_, i) => point(i));
    const messages = renderMessage({
      parts: [
        { type: 'text', text: 'word '.repeat(500) },
        { type: 'feedback', to: 'U1', scorer: 'keyword', answerScore: 40, score: 40, points, improved: [], notices: [] },
      ],
    });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) {
      expect((message.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      for (const embed of message.embeds) expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    }
    // Split, not cut: every rubric line arrives, each whole.
    const all = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
    for (let i = 0; i < 30; i += 1) expect(all).toContain(`**Theme ${i}**`);
  });

  it('beyond five messages the rest is dropped with a visible note', () => {
    const messages = renderMessage({ parts: [{ type: 'text', text: 'line of text\n'.repeat(2_000) }] });
    expect(messages).toHaveLength(DISCORD_LIMITS.maxMessages);
    expect(messages.at(-1)?.content).toMatch(/trimmed/);
  });

  it('has a renderer for every message part, and the question carries the five buttons (and Mock me)', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual(['daily-reveal', 'expired', 'feedback', 'follow-up', 'forget-me-confirm', 'help', 'hint', 'leaderboard', 'notice', 'nudge', 'peer', 'phase', 'question', 'reaction', 'reveal', 'scorecard', 'stats', 'text', 'topics'].sort());
  });

  it('turns the app’s Slack-style markup into Discord’s, leaving code alone', () => {
    expect(fromAppMarkup('*Daily question:* at <https://x.io|docs> `*x*`')).toBe('**Daily question:** at [docs](https://x.io) `*x*`');
  });
});

describe('Discord errors and idempotency keys', () => {
  it('nonces are deterministic and within 25 characters', () => {
    expect(nonceFor('answer:1/reply-0#0')).toBe(nonceFor('answer:1/reply-0#0'));
    expect(nonceFor('a')).not.toBe(nonceFor('b'));
    expect(nonceFor('x'.repeat(500)).length).toBeLessThanOrEqual(25);
  });

  it('maps a long rate limit to RateLimitError, refusals to PermanentDeliveryError with a hint', () => {
    const limited = mapDiscordError(new RestRateLimitError({ timeToReset: 30_000, limit: 5, method: 'post', hash: 'h', url: 'u', route: '/channels/:id/messages', majorParameter: '1', global: false, retryAfter: 30_000, sublimitTimeout: 0, scope: 'user' }), 'create message');
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(30_000);
    const refused = mapDiscordError(new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', 'http://x/webhooks/1/secret-token', {}), 'create message');
    expect(refused).toBeInstanceOf(PermanentDeliveryError);
    expect((refused as PermanentDeliveryError).userHint).toMatch(/Send Messages/);
    expect(refused.message).not.toContain('secret-token');
  });
});

describe('Discord configuration', () => {
  let lines: string[] = [];
  let restore: ReturnType<typeof setLogSink> | undefined;
  beforeAll(() => {
    restore = setLogSink((line) => lines.push(line));
  });
  afterAll(() => {
    if (restore) setLogSink(restore);
    lines = [];
  });

  it('reads Discord alone, with defaults, and Slack plus Discord together', () => {
    const config = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID });
    expect(config.discord).toEqual({ token: DISCORD_TOKEN, applicationId: APP_ID, messageContent: false });
    expect(config.slack).toBeUndefined();
    const both = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: 'http://127.0.0.1:4010/api/v10/', DISCORD_MESSAGE_CONTENT: 'true', SLACK_BOT_TOKEN: 'xoxb-1-2-both', SLACK_SIGNING_SECRET: 'secret-secret' });
    expect(both.discord).toMatchObject({ apiUrl: 'http://127.0.0.1:4010/api', messageContent: true });
    expect(both.slack?.botToken).toBe('xoxb-1-2-both');
    expect(hasDiscordCredentials({ DISCORD_APPLICATION_ID: APP_ID })).toBe(true);
  });

  it('reports every Discord problem at once, by name, never quoting the token', () => {
    const badToken = 'Bot abc.def';
    let error: unknown;
    try {
      loadConfig({ DISCORD_TOKEN: badToken, DISCORD_APPLICATION_ID: 'my-app', DISCORD_API_URL: 'not a url', DISCORD_MESSAGE_CONTENT: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(['DISCORD_API_URL', 'DISCORD_APPLICATION_ID', 'DISCORD_MESSAGE_CONTENT', 'DISCORD_TOKEN']);
    expect(problems.find((p) => p.variable === 'DISCORD_TOKEN')?.message).toMatch(/starts with "Bot "/);
    expect((error as ConfigError).message).not.toContain('abc.def');
    expect(() => loadConfig({ DISCORD_APPLICATION_ID: APP_ID })).toThrow(/DISCORD_TOKEN: is not set/);
  });

  it('masks the token in every log line once configured', () => {
    loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID });
    createLogger({ test: 'config' }, 'debug').info('connecting', { header: `Authorization: Bot ${DISCORD_TOKEN}`, note: DISCORD_TOKEN });
    const line = lines.join('\n');
    expect(line).toContain('connecting');
    expect(line).not.toContain(DISCORD_TOKEN);
  });
});

describe('obs-bot discord register', () => {
  it('PUTs the commands to the guild and says they are usable now', async () => {
    const stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
    try {
      const run = await runCli(['discord', 'register', '--guild', GUILD], { env: { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: stub.apiUrl } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Registered /obs-question in server ${GUILD}`);
      const put = stub.callsTo('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD}/commands$`));
      expect(put).toHaveLength(1);
      expect(JSON.stringify(put[0]?.body)).toContain('"name":"obs-question"');
      const bad = await runCli(['discord', 'register', '--guild', 'my-server'], { env: { DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: stub.apiUrl } });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/--guild must be a server id/);
    } finally {
      await stub.close();
    }
  });
});

describe('interaction dedupe', () => {
  it('answers a replay in the same process once, and lets one bot process of two take the work', async () => {
    const { testRedis, uniquePrefix } = await import('./helpers/redis.ts');
    const { createInteractionDedupe } = await import('../src/adapters/discord/interaction-dedupe.ts');
    const redis = testRedis();
    try {
      const logger = createLogger({ test: 'dedupe' }, 'error');
      const prefix = uniquePrefix('dedupe');
      const a = createInteractionDedupe(redis, { prefix, logger });
      const b = createInteractionDedupe(redis, { prefix, logger });
      expect(a.firstHere('1')).toBe(true);
      expect(a.firstHere('1')).toBe(false);
      expect(b.firstHere('1')).toBe(true);
      expect(await a.claim('1')).toBe(true);
      expect(await b.claim('1')).toBe(false);
      expect(await b.claim('2')).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});

describe('DiscordSender reply handles', () => {
  it('fills in a command’s deferred reply, but never edits the message a button sits on', async () => {
    const { DiscordSender } = await import('../src/adapters/discord/sender.ts');
    const { createDiscordRest } = await import('../src/adapters/discord/rest.ts');
    const { freshProgress } = await import('../src/app/ports.ts');
    const { followUpHandle, ownReplyHandle } = await import('../src/adapters/discord/reply-handle.ts');
    const stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
    try {
      const sender = new DiscordSender({ rest: createDiscordRest({ token: DISCORD_TOKEN, apiUrl: stub.apiUrl }), applicationId: APP_ID, logger: createLogger({ test: 'sender' }, 'error') });
      const content = { parts: [{ type: 'text' as const, text: 'hello' }] };
      await sender.respond(ownReplyHandle('cmdtoken'), content, freshProgress('k1'));
      await sender.respond(followUpHandle('buttontoken'), content, freshProgress('k2'));
      expect(stub.callsTo('PATCH', /\/cmdtoken\/messages\/@original$/)).toHaveLength(1);
      expect(stub.callsTo('PATCH', /buttontoken/)).toHaveLength(0);
      const followUp = stub.callsTo('POST', /^\/webhooks\/\d+\/buttontoken$/);
      expect(followUp).toHaveLength(1);
      expect(followUp[0]?.body?.flags).toBe(64);
      expect(followUp[0]?.auth).toBeUndefined();
    } finally {
      await stub.close();
    }
  });
});

describe('Discord gateway start-up refusals', () => {
  it('a rejected token or a Message Content intent not enabled in the portal stops the start with a config error', async () => {
    const { createDiscordBot } = await import('../src/adapters/discord/client.ts');
    const { createInteractionDedupe } = await import('../src/adapters/discord/interaction-dedupe.ts');
    const stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
    stub.privilegedIntentsEnabled = false;
    const logger = createLogger({ test: 'gateway' }, 'error');
    const deps = { producer: { enqueue: async () => undefined }, dedupe: createInteractionDedupe(undefined, { prefix: 'x', logger }), topics: () => [], logger, now: Date.now };
    try {
      const intentBot = createDiscordBot({ token: DISCORD_TOKEN, applicationId: APP_ID, apiUrl: stub.apiUrl, messageContent: true }, { ...deps, messageContent: true });
      await expect(intentBot.start()).rejects.toThrow(/DISCORD_MESSAGE_CONTENT: is on, but the Message Content intent is not enabled/);
      const wrongToken = 'OTAwMDAwMDAwMDAwMDAwMDAx.GhArNs.someOtherTokenValueThatIsWrong0123456789';
      const tokenBot = createDiscordBot({ token: wrongToken, applicationId: APP_ID, apiUrl: stub.apiUrl, messageContent: false }, { ...deps, messageContent: false });
      await expect(tokenBot.start()).rejects.toThrow(/DISCORD_TOKEN: was rejected by Discord/);
    } finally {
      await stub.close();
    }
  });
});
