import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import type { RunningWorker } from '../src/main/run-worker.ts';
import { testRedisUrl } from './helpers/redis.ts';
import { buttonPayload, messageEnvelope, type SlackHttp } from './helpers/slack-http.ts';
import { startSlackStack, type SlackStack } from './helpers/slack-stack.ts';
import type { SlackApiStub } from './stubs/slack-api.ts';

/**
 * `/obs-question forget-me` with real parts: signed HTTP → Bolt → BullMQ → the worker →
 * Redis, the Slack API stood in. It asks first (Delete my data / Cancel); Cancel deletes
 * nothing; Delete removes everything keyed by the person and says what went; a second
 * confirm finds nothing left; a re-delivered press deletes and answers once.
 */
const BOT_TOKEN = 'xoxb-6160-6160-forget-me-token';
const SIGNING_SECRET = 'forget-me-signing-secret-3c9d';
const ANSWER = 'I would propagate the W3C traceparent header on every hop and use tail sampling; the batch exporter keeps cpu overhead low.';
const ME = 'UFM2';
const OTHER = 'UFM3';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string }[];
}

let stack: SlackStack;
let stub: SlackApiStub;
let http: SlackHttp;
let worker: RunningWorker;
let redis: Redis;
let storePrefix: string;
let restoreSink: ReturnType<typeof setLogSink>;
let counter = 0;

function textOf(body: Record<string, unknown> | undefined): string {
  const blocks = (body?.blocks ?? []) as Block[];
  return [String(body?.text ?? ''), ...blocks.map((block) => block.text?.text ?? '')].join('\n');
}

async function responseTo(id: string): Promise<Record<string, unknown>> {
  await stub.waitFor(() => stub.responses.some((response) => response.id === id), 15_000, `the reply to ${id}`);
  return stub.responses.find((response) => response.id === id)!.body;
}

async function command(user: string, text: string): Promise<Record<string, unknown>> {
  const id = `fm-cmd-${++counter}`;
  const sent = await http.command({ text, team_id: 'T1', channel_id: 'CFM1', user_id: user, trigger_id: `trig.fm.${counter}`, response_url: stub.responseUrl(id) });
  expect(sent.status).toBe(200);
  return responseTo(id);
}

function press(user: string, actionId: string): { id: string; payload: Record<string, unknown> } {
  const id = `fm-press-${++counter}`;
  return { id, payload: buttonPayload({ teamId: 'T1', channelId: 'CFM1', userId: user, actionId, value: actionId.endsWith('confirm') ? 'confirm' : 'cancel', triggerId: `trig.fmp.${counter}`, responseUrl: stub.responseUrl(id), messageTs: '1800000999.000001' }) };
}

async function keysOf(user: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${storePrefix}:*${user}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  stack = await startSlackStack({ name: 'forgetme', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'warn' });
  ({ stub, http, worker } = stack);
  storePrefix = `${stack.prefix}:store`;
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  // Both people answer a channel question, and the first opts in to public stats.
  await http.command({ text: '', team_id: 'T1', channel_id: 'CFM1', user_id: OTHER, trigger_id: 'trig.fm.q', response_url: stub.responseUrl('fm-q') });
  await stub.waitFor(() => stub.messages.some((message) => message.channel === 'CFM1' && !message.thread_ts), 15_000, 'the question');
  const root = stub.messages.find((message) => message.channel === 'CFM1' && !message.thread_ts)!;
  for (const [index, user] of [ME, OTHER].entries()) {
    await http.event(messageEnvelope('T1', `Ev.fm.${index}`, { channel: 'CFM1', user, text: ANSWER, ts: `1800000100.00010${index}`, thread_ts: root.ts, parent_user_id: 'UBOT' }));
  }
  await stub.waitFor(() => stub.callsTo('chat.postEphemeral').filter((call) => call.args.thread_ts === root.ts).length >= 2, 15_000, 'both feedbacks');
  await command(ME, 'stats public on');
}, 60_000);

afterAll(async () => {
  await stack?.close();
  redis?.disconnect();
  setLogSink(restoreSink);
});

describe('/obs-question forget-me on Slack', () => {
  it('asks first, with Delete my data and Cancel; Cancel deletes nothing', async () => {
    const before = await keysOf(ME);
    expect(before.length).toBeGreaterThan(3);
    const asked = await command(ME, 'forget-me');
    expect(asked.response_type).toBe('ephemeral');
    expect(textOf(asked)).toContain('Delete everything I store about your Slack account');
    const actions = ((asked.blocks ?? []) as Block[]).find((block) => block.type === 'actions');
    expect(actions?.elements?.map((element) => element.action_id)).toEqual(['obs_forget_me_confirm', 'obs_forget_me_cancel']);
    expect(await keysOf(ME)).toEqual(before);

    const cancel = press(ME, 'obs_forget_me_cancel');
    expect((await http.action(cancel.payload)).status).toBe(200);
    const cancelled = await responseTo(cancel.id);
    expect(cancelled).toMatchObject({ replace_original: true, text: 'Cancelled: nothing was deleted.' });
    expect((await keysOf(ME)).sort()).toEqual([...before].sort());
  });

  it('deletes on confirm and says what went; the other person keeps everything; a re-delivered press answers once', async () => {
    const othersBefore = (await keysOf(OTHER)).sort();
    const sessionKey = (await redis.keys(`${storePrefix}:session:{T1}:slack:T1:CFM1:*`))[0]!;
    expect(JSON.parse((await redis.hget(sessionKey, 'state'))!).answers.map((answer: { by: string }) => answer.by).sort()).toEqual([ME, OTHER].sort());

    const confirm = press(ME, 'obs_forget_me_confirm');
    expect((await http.action(confirm.payload)).status).toBe(200);
    const done = textOf(await responseTo(confirm.id));
    expect(done).toContain('Deleted everything I stored about your Slack account');
    expect(done).toMatch(/1 answer in channel questions/);
    expect(done).toMatch(/practice history records/);
    expect(done).toMatch(/1 public-stats opt-in/);

    expect(await keysOf(ME)).toEqual([]);
    expect(await redis.sismember(`${storePrefix}:public-stats:T1`, ME)).toBe(0);
    expect(JSON.parse((await redis.hget(sessionKey, 'state'))!).answers.map((answer: { by: string }) => answer.by)).toEqual([OTHER]);
    expect((await keysOf(OTHER)).sort()).toEqual(othersBefore);
    expect((await worker.worker.stores.history.stats('T1', OTHER, Date.now())).answers).toBe(1);

    // Slack re-delivers the same press: no second job, no second reply.
    expect((await http.action(confirm.payload, { retryNum: 1 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stub.responses.filter((response) => response.id === confirm.id)).toHaveLength(1);
  });

  it('a second confirm says there was nothing left', async () => {
    const again = press(ME, 'obs_forget_me_confirm');
    await http.action(again.payload);
    expect(textOf(await responseTo(again.id))).toContain('There was nothing left to delete');
  });

  it('typing forget-me with a stray word deletes nothing and shows the help', async () => {
    const before = (await keysOf(OTHER)).sort();
    const id = `fm-typo-${++counter}`;
    const sent = await http.command({ text: 'forget-me now', team_id: 'T1', channel_id: 'CFM1', user_id: OTHER, trigger_id: `trig.fm.typo`, response_url: stub.responseUrl(id) });
    expect(sent.body).toContain('forget-me now');
    expect((await keysOf(OTHER)).sort()).toEqual(before);
  });
});
