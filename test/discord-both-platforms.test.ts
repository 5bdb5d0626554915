import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config/index.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { runBot, type RunningBot } from '../src/main/run-bot.ts';
import { runWorker, type RunningWorker } from '../src/main/run-worker.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { SlackHttp } from './helpers/slack-http.ts';
import { DiscordStub } from './stubs/discord-api.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, STUB_GUILD } from './stubs/discord-harness.ts';
import { chatInput } from './stubs/discord-payloads.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/**
 * With both platforms configured, one bot process serves Slack (HTTP) and Discord (gateway)
 * in front of one queue, and one worker routes each job to its platform's sender.
 */
const SLACK_TOKEN = 'xoxb-7777-7777-both-platforms';
const SIGNING_SECRET = 'both-platforms-signing-secret';
let slack: SlackApiStub;
let discord: DiscordStub;
let bot: RunningBot;
let worker: RunningWorker;
let restoreSink: ReturnType<typeof setLogSink>;

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  slack = await SlackApiStub.start({ token: SLACK_TOKEN });
  discord = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
  const prefix = uniquePrefix('both');
  const config: AppConfig = {
    slack: { botToken: SLACK_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: slack.apiUrl },
    discord: { token: DISCORD_TOKEN, applicationId: '900000000000000001', apiUrl: discord.apiUrl, messageContent: false },
    port: 0,
    redisUrl: testRedisUrl(),
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'info',
  };
  const logger = createLogger({ test: 'both' }, 'info');
  const bank = new QuestionBank([sampleQuestion], samplePacing);
  worker = await runWorker(config, { prefix, bank, env: {}, logger });
  bot = await runBot(config, { producer: createInteractionProducer(config.redisUrl, { prefix }), prefix, topics: ['tracing'], listen: { port: 0, host: '127.0.0.1' }, logger });
});

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await slack?.close();
  await discord?.close();
  setLogSink(restoreSink);
});

describe('Slack and Discord in one deployment', () => {
  it('serves both at once: each question goes out through its own platform', async () => {
    expect(bot.mode).toBe('http');
    expect(bot.discord).toBeDefined();
    const http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
    const response = await http.command({ text: 'tracing', team_id: 'T1', channel_id: 'CBOTH', user_id: 'U1', trigger_id: 'trig.both.1', response_url: slack.responseUrl('both') });
    expect(response.status).toBe(200);
    discord.dispatch('INTERACTION_CREATE', chatInput({ guildId: GUILD, channelId: CHANNEL, userId: '950000000000000001' }, ['ask']));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((call) => call.args.channel === 'CBOTH'), 10_000, 'the Slack question');
    await discord.waitFor(() => discord.messages.some((m) => m.channel_id === CHANNEL), 10_000, 'the Discord question');
    // Neither platform received the other's post.
    expect(slack.callsTo('chat.postMessage').some((call) => call.args.channel === CHANNEL)).toBe(false);
    expect(discord.messages.some((m) => m.channel_id === 'CBOTH')).toBe(false);
  });
});
