import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../src/main/run-bot.ts';
import type { RunningWorker } from '../src/main/run-worker.ts';
import { setLogSink } from '../src/infra/logger.ts';
import { StoreKeys } from '../src/store/keys.ts';
import { SelfAssessmentStore } from '../src/store/self-assessment-store.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { buttonPayload, messageEnvelope, SlackHttp } from './helpers/slack-http.ts';
import type { SlackApiStub, SlackCall, StoredMessage } from './stubs/slack-api.ts';
import { startSlackStack } from './helpers/slack-stack.ts';

/**
 * Self-assessment after Reveal, with real parts: signed HTTP → Bolt → BullMQ → the worker
 * → Redis, the Slack API stood in. Got it / Partly / Missed per key point, the last choice
 * winning, and `/obs-question stats` showing both verdicts.
 */
const BOT_TOKEN = 'xoxb-5150-5150-self-assess-token';
const SIGNING_SECRET = 'self-assess-signing-secret-77a1';
const ANSWER =
  'I would propagate context with the W3C traceparent header on every hop, including queue messages, ' +
  'and use tail sampling to keep errors and slow traces. The batch exporter keeps cpu overhead low.';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
}

let stub: SlackApiStub;
let worker: RunningWorker;
let bot: RunningBot;
let http: SlackHttp;
let redis: Redis;
let storePrefix: string;
let restoreSink: ReturnType<typeof setLogSink>;
let counter = 0;

function textOf(blocks: unknown): string {
  const elementText = (text: string | { text: string } | undefined): string => (typeof text === 'string' ? text : (text?.text ?? ''));
  return ((blocks ?? []) as Block[]).map((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((element) => elementText(element.text))].join('\n')).join('\n');
}

function buttonIn(blocks: unknown, actionId: string): string {
  for (const block of (blocks ?? []) as Block[]) {
    const found = block.elements?.find((element) => element.action_id === actionId);
    if (found?.value) return found.value;
  }
  throw new Error(`no ${actionId} button`);
}

function press(channel: string, user: string, actionId: string, value: string, root: string, triggerId = `trig.sa.${++counter}`) {
  return buttonPayload({ teamId: 'T1', channelId: channel, userId: user, actionId, value, triggerId, responseUrl: stub.responseUrl(`sa-${counter}`), messageTs: `${root}1`, threadTs: root });
}

async function askForQuestion(channel: string): Promise<StoredMessage> {
  const before = stub.messages.length;
  await http.command({ text: 'tracing', team_id: 'T1', channel_id: channel, user_id: 'U1', trigger_id: `trig.${channel}`, response_url: stub.responseUrl(`cmd-${channel}`) });
  await stub.waitFor(() => stub.messages.slice(before).some((message) => message.channel === channel && message.thread_ts === undefined), 10_000, 'the question');
  const root = stub.messages.slice(before).find((message) => message.channel === channel && message.thread_ts === undefined);
  if (!root) throw new Error('no question');
  return root;
}

function ephemeralTo(user: string, root: string): SlackCall[] {
  return stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === user && call.args.thread_ts === root);
}

async function reveal(channel: string, user: string, root: StoredMessage): Promise<unknown> {
  await http.action(press(channel, user, 'obs_reveal', buttonIn(root.blocks, 'obs_reveal'), root.ts));
  await stub.waitFor(() => ephemeralTo(user, root.ts).some((call) => textOf(call.args.blocks).includes('Key points')), 10_000, 'the reveal');
  return ephemeralTo(user, root.ts).find((call) => textOf(call.args.blocks).includes('Key points'))?.args.blocks;
}

async function stats(user: string): Promise<string> {
  const id = `stats-${user}-${++counter}`;
  await http.command({ text: 'stats', team_id: 'T1', channel_id: 'CSA0', user_id: user, trigger_id: `trig.${id}`, response_url: stub.responseUrl(id) });
  await stub.waitFor(() => stub.responses.some((response) => response.id === id), 10_000, 'stats');
  return textOf(stub.responses.find((response) => response.id === id)?.body.blocks);
}

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  const stack = await startSlackStack({ name: 'selfassess', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'warn' });
  ({ stub, worker, bot, http } = stack);
  storePrefix = `${stack.prefix}:store`;
  http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await stub?.close();
  redis?.disconnect();
  setLogSink(restoreSink);
});

describe('self-assessment after Reveal', () => {
  it('one row of Got it / Partly / Missed per key point; the last press wins; stats shows both verdicts', async () => {
    const root = await askForQuestion('CSA1');
    await http.event(messageEnvelope('T1', 'Ev.sa.1', { channel: 'CSA1', user: 'U2', text: ANSWER, ts: '1800000100.000100', thread_ts: root.ts, parent_user_id: 'UBOT' }));
    await stub.waitFor(() => ephemeralTo('U2', root.ts).some((call) => /Coverage \d\/4/.test(textOf(call.args.blocks))), 10_000, 'feedback');
    const feedback = textOf(ephemeralTo('U2', root.ts).find((call) => /Coverage \d\/4/.test(textOf(call.args.blocks)))?.args.blocks);

    const revealBlocks = await reveal('CSA1', 'U2', root);
    const rows = ((revealBlocks ?? []) as Block[]).filter((block) => block.type === 'actions' && block.elements?.some((element) => element.action_id?.startsWith('obs_self_assess:')));
    expect(rows).toHaveLength(sampleQuestion.rubric.length);
    expect(rows[0]?.elements?.map((element) => element.action_id)).toEqual(['obs_self_assess:0:got', 'obs_self_assess:0:partly', 'obs_self_assess:0:missed']);
    expect(textOf(revealBlocks)).toContain('✅ Got it');
    expect(((revealBlocks ?? []) as Block[]).length).toBeLessThanOrEqual(50);

    // Point 0 (propagation): Got it. Point 1 (sampling): Missed, then changed to Partly.
    const replies = () => ephemeralTo('U2', root.ts).filter((call) => String(call.args.text ?? textOf(call.args.blocks)).includes('Noted for'));
    const gotIt = press('CSA1', 'U2', 'obs_self_assess:0:got', buttonIn(revealBlocks, 'obs_self_assess:0:got'), root.ts);
    expect((await http.action(gotIt)).status).toBe(200);
    await stub.waitFor(() => replies().length === 1, 10_000, 'the first note');
    await http.action(press('CSA1', 'U2', 'obs_self_assess:1:missed', buttonIn(revealBlocks, 'obs_self_assess:1:missed'), root.ts));
    await stub.waitFor(() => replies().length === 2, 10_000, 'the second note');
    await http.action(press('CSA1', 'U2', 'obs_self_assess:1:partly', buttonIn(revealBlocks, 'obs_self_assess:1:partly'), root.ts));
    await stub.waitFor(() => replies().length === 3, 10_000, 'the third note');
    // Slack re-delivers the first press: nothing new is sent or stored.
    expect((await http.action(gotIt, { retryNum: 1 })).status).toBe(200);
    expect(textOf(replies()[0]?.args.blocks)).toMatch(/Noted for \*Context propagation\*: Got it \(the keyword check said: (covered|partial|missed)\)/);

    const store = new SelfAssessmentStore(redis, new StoreKeys(storePrefix));
    const stored = await store.list('T1', 'U2');
    expect(stored.map((record) => [record.pointId, record.rating]).sort()).toEqual([
      ['propagation', 'got'],
      ['sampling', 'partly'],
    ]);
    // The automatic verdicts stored beside them are the ones the feedback showed.
    const icon = { covered: '✅', partial: '🟡', missed: '❌' } as const;
    for (const record of stored) {
      const theme = sampleQuestion.rubric.find((point) => point.id === record.pointId)?.theme ?? '';
      expect(record.automatic?.scorer).toBe('keyword');
      expect(feedback).toContain(`${icon[record.automatic?.verdict ?? 'missed']} *${theme}*`);
    }
    const agreed = stored.filter((record) => ({ got: 'covered', partly: 'partial', missed: 'missed' })[record.rating] === record.automatic?.verdict).length;

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replies()).toHaveLength(3);
    expect(await stats('U2')).toContain(`*Self-assessed:* 1 got · 1 partly · 0 missed — the keyword check agreed on ${agreed} of 2`);
  });

  it('someone who only revealed has nothing to compare; a forged point is refused politely', async () => {
    const root = await askForQuestion('CSA2');
    const revealBlocks = await reveal('CSA2', 'U3', root);
    await http.action(press('CSA2', 'U3', 'obs_self_assess:2:missed', buttonIn(revealBlocks, 'obs_self_assess:2:missed'), root.ts));
    await stub.waitFor(() => ephemeralTo('U3', root.ts).some((call) => textOf(call.args.blocks).includes('Noted for *Overhead budget*: Missed.')), 10_000, 'the note');
    expect(await stats('U3')).toContain('*Self-assessed:* 0 got · 0 partly · 1 missed — nothing to compare yet');

    // A forged value (a point the question does not have) is refused politely, not crashed on.
    const forged = JSON.stringify({ action: 'self-assess', q: sampleQuestion.id, p: 9, r: 'got' });
    const id = counter + 1;
    await http.action(press('CSA2', 'U3', 'obs_self_assess:9:got', forged, root.ts));
    const refused = () =>
      [...stub.responses.filter((response) => response.id === `sa-${id}`).map((response) => `${String(response.body.text ?? '')}${textOf(response.body.blocks)}`), ...ephemeralTo('U3', root.ts).map((call) => `${String(call.args.text ?? '')}${textOf(call.args.blocks)}`)].some((text) =>
        text.includes("That rating button doesn't match this question any more"),
      );
    await stub.waitFor(refused, 10_000, 'the refusal');
    expect((await new SelfAssessmentStore(redis, new StoreKeys(storePrefix)).list('T1', 'U3')).map((record) => record.pointId)).toEqual(['overhead']);
  });
});

describe('SelfAssessmentStore', () => {
  it('keeps one record per point and never lets an older press overwrite a newer one', async () => {
    const store = new SelfAssessmentStore(redis, new StoreKeys(uniquePrefix('sa-store')));
    const base = { workspaceId: 'T1', userId: 'U1', sessionId: 'slack:T1:C1:1.2', questionId: 'q', pointId: 'p1' } as const;
    expect(await store.record({ ...base, rating: 'missed', at: 2_000 })).toBe(true);
    expect(await store.record({ ...base, rating: 'got', at: 1_000, automatic: { verdict: 'covered', scorer: 'llm' } })).toBe(false);
    expect(await store.record({ ...base, rating: 'partly', at: 3_000, automatic: { verdict: 'partial', scorer: 'llm' } })).toBe(true);
    expect(await store.list('T1', 'U1')).toEqual([{ ...base, rating: 'partly', at: 3_000, automatic: { verdict: 'partial', scorer: 'llm' } }]);
    expect(await store.summary('T1', 'U1')).toEqual({ got: 0, partly: 1, missed: 0, compared: 1, agreed: 1, scorers: ['llm'] });
    expect(await store.summary('T1', 'nobody')).toBeUndefined();
  });
});
