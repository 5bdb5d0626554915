import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../src/adapters/slack/app.ts';
import { encodeButtonValue } from '../src/adapters/slack/render/buttons.ts';
import type { AppConfig } from '../src/config/index.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import type { InteractionJob } from '../src/queue/jobs.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import { createInteractionProducer, type InteractionProducer } from '../src/queue/producers.ts';
import { testRedis, testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { buttonPayload, messageEnvelope, SlackHttp } from './helpers/slack-http.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/** The bot user id the stub's auth.test reports. */
const BOT_USER_ID = 'UBOT';

const BOT_TOKEN = 'xoxb-4242-4242-adaptertestbottoken';
const SIGNING_SECRET = 'adapter-test-signing-secret-8c1f3a9e';

function configFor(apiUrl: string): AppConfig {
  return {
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl },
    port: 0,
    redisUrl: testRedisUrl(),
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'debug',
  };
}

const lines: string[] = [];
const responsesTo = (id: string): Record<string, unknown>[] => server.responses.filter((post) => post.id === id).map((post) => post.body);
let restoreSink: ReturnType<typeof setLogSink>;
let server: SlackApiStub;
let producer: InteractionProducer;
let slack: SlackApp;
let http: SlackHttp;
let reader: Queue;
let readerConnection: Redis;

/** Each test gets its own workspace, so its jobs are told apart from every other test's. */
const newTeam = (): string => `T${randomUUID().slice(0, 8).toUpperCase()}`;
const newId = (label: string): string => `${label}.${randomUUID().slice(0, 12)}`;

async function jobsOf(teamId: string): Promise<InteractionJob[]> {
  const jobs = await reader.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
  return jobs.map((job) => job.data as InteractionJob).filter((job) => job.kind !== 'tick' && job.workspaceId === teamId);
}

async function waitForJobs(teamId: string, count: number): Promise<InteractionJob[]> {
  return await vi.waitFor(
    async () => {
      const jobs = await jobsOf(teamId);
      if (jobs.length < count) throw new Error(`only ${jobs.length} of ${count} jobs`);
      return jobs;
    },
    { timeout: 5_000, interval: 20 },
  );
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  server = await SlackApiStub.start();
  const prefix = uniquePrefix('slack-adapter');
  producer = createInteractionProducer(testRedisUrl(), { prefix });
  slack = createSlackApp(configFor(server.apiUrl), { producer, logger: createLogger({ test: 'slack-adapter' }, 'debug') });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  http = new SlackHttp(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  readerConnection = testRedis();
  reader = new Queue(INTERACTIONS_QUEUE, { connection: readerConnection, prefix });
});

afterAll(async () => {
  await slack?.stop();
  await producer?.close();
  await reader?.close();
  readerConnection?.disconnect();
  await server?.close();
  setLogSink(restoreSink);
});

describe('slash command /obs-question', () => {
  it('acks at once with an empty 200 and enqueues a command job with the request details', async () => {
    const team = newTeam();
    const trigger = newId('trig');
    const response = await http.command({ text: 'tracing', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: trigger, response_url: server.responseUrl('cmd1') });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(response.ms).toBeLessThan(1_000);
    const [job] = await waitForJobs(team, 1);
    expect(job).toEqual({
      kind: 'command',
      platform: 'slack',
      workspaceId: team,
      channelId: 'C1',
      userId: 'U1',
      dedupeKey: trigger,
      receivedAt: expect.any(Number),
      responseUrl: server.responseUrl('cmd1'),
      text: 'tracing',
    });
    expect(await reader.getJob(`command_slack_${team}_${trigger}`)).toBeDefined();
  });

  it('tells the person a mock interview is being set up, and enqueues it', async () => {
    const team = newTeam();
    const response = await http.command({ text: 'mock logging', team_id: team, channel_id: 'C1', user_id: 'U7', trigger_id: newId('trig'), response_url: server.responseUrl('mock') });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ response_type: 'ephemeral', text: 'Setting up your mock interview…' });
    const [job] = await waitForJobs(team, 1);
    expect(job).toMatchObject({ kind: 'command', text: 'mock logging', userId: 'U7' });
  });

  it('answers help in the ack itself, privately, with no job', async () => {
    const team = newTeam();
    const response = await http.command({ text: 'help', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('help') });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('/obs-question mock [topic]');
    // A later command in the same workspace is the only job there.
    await http.command({ text: '', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('after-help') });
    const jobs = await waitForJobs(team, 1);
    expect(jobs.map((job) => job.kind === 'command' && job.text)).toEqual(['']);
  });

  it('names the word it did not understand, in the ack, with no job', async () => {
    const team = newTeam();
    const response = await http.command({ text: 'flibble wobble', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('unknown') });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { response_type: string; text: string };
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    expect(body.text).toMatch(/^I didn't understand `flibble wobble`/);
    await http.command({ text: 'topics', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('after-unknown') });
    const jobs = await waitForJobs(team, 1);
    expect(jobs.map((job) => job.kind === 'command' && job.text)).toEqual(['topics']);
  });
});

describe('thread replies', () => {
  const threadTs = '1712345678.000100';

  it('turns a person’s reply in a bot thread into an answer job, in plain text', async () => {
    const team = newTeam();
    const response = await http.event(
      messageEnvelope(team, newId('Ev'), { channel: 'C9', user: 'U2', text: 'p99 &gt; 200ms, see <https://example.com/slo|our SLO doc>', ts: '1712345680.000200', thread_ts: threadTs, parent_user_id: BOT_USER_ID }),
    );
    expect(response.status).toBe(200);
    const [job] = await waitForJobs(team, 1);
    expect(job).toEqual({
      kind: 'answer',
      platform: 'slack',
      workspaceId: team,
      channelId: 'C9',
      userId: 'U2',
      dedupeKey: 'C9-1712345680.000200',
      receivedAt: expect.any(Number),
      threadId: `slack:${team}:C9:${threadTs}`,
      text: 'p99 > 200ms, see our SLO doc',
      messageId: '1712345680.000200',
    });
  });

  it('ignores top-level messages, bots, edits, deletions and other people’s threads', async () => {
    const team = newTeam();
    const ignored = [
      { channel: 'C9', user: 'U2', text: 'top level', ts: '1712345681.000001' },
      { channel: 'C9', user: 'U2', text: 'thread root', ts: threadTs, thread_ts: threadTs },
      { channel: 'C9', user: 'U2', bot_id: 'B9', text: 'a bot', ts: '1712345681.000002', thread_ts: threadTs },
      { channel: 'C9', subtype: 'bot_message', bot_id: 'B9', text: 'a bot', ts: '1712345681.000003', thread_ts: threadTs },
      { channel: 'C9', subtype: 'message_changed', hidden: true, ts: '1712345681.000004', message: { type: 'message', user: 'U2', text: 'edited', ts: '1712345680.000200', thread_ts: threadTs } },
      { channel: 'C9', subtype: 'message_deleted', hidden: true, ts: '1712345681.000005', deleted_ts: '1712345680.000200' },
      { channel: 'C9', user: 'U2', text: 'someone else’s thread', ts: '1712345681.000006', thread_ts: threadTs, parent_user_id: 'UOTHER' },
    ];
    for (const event of ignored) expect((await http.event(messageEnvelope(team, newId('Ev'), event))).status).toBe(200);
    await http.event(messageEnvelope(team, newId('Ev'), { channel: 'C9', user: 'U3', text: 'the real answer', ts: '1712345682.000001', thread_ts: threadTs }));
    const jobs = await waitForJobs(team, 1);
    expect(jobs.map((job) => job.kind === 'answer' && job.text)).toEqual(['the real answer']);
  });

  it('enqueues a retried event once, however often Slack sends it', async () => {
    const team = newTeam();
    const eventId = newId('Ev');
    const envelope = messageEnvelope(team, eventId, { channel: 'C9', user: 'U2', text: 'sampling at the tail', ts: '1712345690.000300', thread_ts: threadTs, parent_user_id: BOT_USER_ID });
    expect((await http.event(envelope)).status).toBe(200);
    await waitForJobs(team, 1);
    for (const retryNum of [1, 2, 3]) expect((await http.event(envelope, { retryNum })).status).toBe(200);
    // A marker reply after the retries: once it is queued, the retries have been handled.
    await http.event(messageEnvelope(team, newId('Ev'), { channel: 'C9', user: 'U2', text: 'marker', ts: '1712345691.000001', thread_ts: threadTs }));
    const jobs = await waitForJobs(team, 2);
    expect(jobs.map((job) => job.kind === 'answer' && job.text).sort()).toEqual(['marker', 'sampling at the tail']);
  });
});

describe('buttons', () => {
  it('enqueues an action job for the person who pressed, on the session the button names', async () => {
    const team = newTeam();
    const trigger = newId('trig');
    const threadId = `slack:${team}:C5:1712345000.000100`;
    const response = await http.action(
      buttonPayload({ teamId: team, channelId: 'C5', userId: 'UPRESSER', actionId: 'obs_hint', value: encodeButtonValue({ action: 'hint', threadId }), triggerId: trigger, responseUrl: server.responseUrl('btn'), messageTs: '1712345000.000900', threadTs: '1712345000.000100' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const [job] = await waitForJobs(team, 1);
    expect(job).toEqual({
      kind: 'action',
      platform: 'slack',
      workspaceId: team,
      channelId: 'C5',
      userId: 'UPRESSER',
      dedupeKey: trigger,
      receivedAt: expect.any(Number),
      responseUrl: server.responseUrl('btn'),
      threadId,
      action: 'hint',
    });
  });

  it('takes the thread from the message itself when the button sits on the thread’s first message', async () => {
    const team = newTeam();
    await http.action(
      buttonPayload({ teamId: team, channelId: 'C5', userId: 'U8', actionId: 'obs_mock_me', value: encodeButtonValue({ action: 'mock-me' }), triggerId: newId('trig'), responseUrl: server.responseUrl('btn2'), messageTs: '1712345111.000100' }),
    );
    const [job] = await waitForJobs(team, 1);
    expect(job).toMatchObject({ kind: 'action', action: 'mock-me', userId: 'U8', threadId: `slack:${team}:C5:1712345111.000100` });
  });

  it('refuses a button whose value names a session in another channel, privately, with no job', async () => {
    const team = newTeam();
    const response = await http.action(
      buttonPayload({ teamId: team, channelId: 'C5', userId: 'U8', actionId: 'obs_finish', value: encodeButtonValue({ action: 'finish', threadId: `slack:${team}:COTHER:1.2` }), triggerId: newId('trig'), responseUrl: server.responseUrl('stale'), messageTs: '1712345222.000100' }),
    );
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(responsesTo('stale')).toHaveLength(1), { timeout: 3_000 });
    expect(responsesTo('stale')[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining("That button doesn't work any more") });
    expect(await jobsOf(team)).toEqual([]);
  });
});

describe('request signatures', () => {
  const command = (team: string) => ({ text: 'tracing', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('sig') });

  it('rejects a bad, missing or stale signature and a tampered body with 401, enqueuing nothing', async () => {
    const team = newTeam();
    expect((await http.command(command(team), { signature: 'v0=' + 'ab'.repeat(32) })).status).toBe(401);
    expect((await http.command(command(team), { signature: null })).status).toBe(401);
    expect((await http.command(command(team), { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    const honest = new URLSearchParams({ ...command(team), command: '/obs-question' }).toString();
    const tampered = honest.replace('user_id=U1', 'user_id=UADMIN');
    expect((await http.send(tampered, 'application/x-www-form-urlencoded', { signedBody: honest })).status).toBe(401);
    const forgedEvent = messageEnvelope(team, newId('Ev'), { channel: 'C9', user: 'U2', text: 'forged', ts: '1712345699.000001', thread_ts: '1712345678.000100' });
    expect((await http.event(forgedEvent, { signature: 'v0=deadbeef' })).status).toBe(401);
    // The same workspace still works with a good signature, and that is its only job.
    expect((await http.command(command(team))).status).toBe(200);
    const jobs = await waitForJobs(team, 1);
    expect(jobs).toHaveLength(1);
  });

  it('serves a health check without a signature', async () => {
    const response = await fetch(http.url.replace('/slack/events', '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

describe('logs', () => {
  it('never contain the bot token or signing secret, Bolt’s own lines included', async () => {
    const team = newTeam();
    await http.command({ text: 'stats', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('log') });
    await http.event(messageEnvelope(team, newId('Ev'), { channel: 'C9', user: 'U2', text: `my token is ${BOT_TOKEN}`, ts: '1712345700.000001', thread_ts: '1712345678.000100' }));
    await http.command({ text: 'tracing', team_id: team, channel_id: 'C1', user_id: 'U1', trigger_id: newId('trig'), response_url: server.responseUrl('log') }, { signature: 'v0=00' });
    await waitForJobs(team, 2);
    expect(lines.length).toBeGreaterThan(5);
    // Bolt's receiver logged the bad signature and the WebClient logged auth.test, through our sink.
    expect(lines.some((line) => line.includes('"component":"bolt"') && /verify/i.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('"listener":"command:/obs-question"'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
