import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeButtonValue } from '../src/adapters/slack/render/buttons.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { CHANNEL, startHarness, textOf, type Harness } from './slack-worker.harness.ts';


describe('slack worker: channel questions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('posts a question in the channel with its buttons, and the post becomes a session', async () => {
    await h.run(h.command(''));
    expect(h.stub.messages).toHaveLength(1);
    const [root] = h.stub.messages;
    expect(root?.channel).toBe(CHANNEL);
    expect(root?.thread_ts).toBeUndefined();
    const text = textOf(root?.blocks);
    expect(text).toContain(sampleQuestion.title);
    expect(text).toContain('staff level');
    expect(text).toMatch(/nobody sees your score/);
    const actions = (root?.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === 'actions');
    expect(actions?.elements?.map((button) => button.action_id)).toEqual([ACTION_IDS.hint, ACTION_IDS.reveal, ACTION_IDS.next, ACTION_IDS.finish, ACTION_IDS['mock-me']]);
    expect(decodeButtonValue(actions?.elements?.[0]?.value ?? '')).toEqual({ action: 'hint' });
    // The root carries our metadata, so a re-run can recognise it.
    expect(root?.metadata?.event_type).toBe('obs_bot_post');

    const session = await h.running.stores.sessions.get(h.threadId(root?.ts ?? ''));
    expect(session?.state).toMatchObject({ id: h.threadId(root?.ts ?? ''), mode: 'channel', questionId: sampleQuestion.id, status: 'active' });
  });

  it('gives each answerer private feedback in the thread, then their own follow-up', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    const answer = h.answer(rootTs, 'U2', 'We propagate the traceparent header everywhere and use tail sampling.');
    await h.run(answer);

    // Nothing public in the thread: the score is the answerer's alone.
    expect(h.stub.threadReplies(CHANNEL, rootTs)).toHaveLength(0);
    const ephemerals = h.stub.callsTo('chat.postEphemeral');
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.args).toMatchObject({ channel: CHANNEL, user: 'U2', thread_ts: rootTs });
    const text = textOf(ephemerals[0]?.args.blocks);
    expect(text).toMatch(/Coverage 2\/4 · \d+\/100/);
    expect(text).toContain('✅ *Context propagation*: “evidence for propagation”');
    expect(text).toContain('❌ *Overhead budget*');
    expect(text).toMatch(/\*Next →\* /);
    // 👀 on receipt, ✅ once scored.
    expect(h.stub.reactions.filter((r) => r.timestamp === answer.messageId).map((r) => r.name)).toEqual(['eyes', 'white_check_mark']);

    // A second person's answer gets their own feedback, and leaves the first person's alone.
    await h.run(h.answer(rootTs, 'U3', 'Not sure.'));
    const second = h.stub.callsTo('chat.postEphemeral')[1];
    expect(second?.args.user).toBe('U3');
    expect(textOf(second?.args.blocks)).toMatch(/Coverage 0\/4/);
    const session = await h.running.stores.sessions.get(h.threadId(rootTs));
    expect(session?.state.answers.map((a) => a.by)).toEqual(['U2', 'U3']);
  });

  it('records concurrent answers in one thread without losing either', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    const jobs = ['U2', 'U3', 'U4', 'U5'].map((user) => h.answer(rootTs, user, `${user} says traceparent`));
    await Promise.all(jobs.map((job) => h.run(job)));
    const session = await h.running.stores.sessions.get(h.threadId(rootTs));
    expect(session?.state.answers.map((a) => a.by).sort()).toEqual(['U2', 'U3', 'U4', 'U5']);
    expect(session?.version).toBe(5);
  });

  it('answers buttons privately for the presser: hint, reveal, finish', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    await h.run(h.action(rootTs, 'U2', 'hint'));
    await h.run(h.action(rootTs, 'U2', 'hint'));
    await h.run(h.action(rootTs, 'U2', 'reveal'));
    await h.run(h.action(rootTs, 'U2', 'finish'));
    const calls = h.stub.callsTo('chat.postEphemeral');
    expect(calls.map((call) => call.args.user)).toEqual(['U2', 'U2', 'U2', 'U2']);
    // a concern first, then the concept: never the answer
    expect(textOf(calls[0]?.args.blocks)).toMatch(/Hint 1\/2:/);
    expect(textOf(calls[0]?.args.blocks)).not.toMatch(/propagation/i);
    expect(textOf(calls[1]?.args.blocks)).toMatch(/Hint 2\/2:.*context propagation/);
    expect(textOf(calls[2]?.args.blocks)).toContain('Key points');
    expect(textOf(calls[3]?.args.blocks)).toMatch(/Scorecard for <@U2>/);
    expect(textOf(calls[3]?.args.blocks)).toMatch(/Hints used:\* 2/);
    expect(h.stub.threadReplies(CHANNEL, rootTs)).toHaveLength(0);
  });

  it('answers topics, help, unknown words and an unknown topic privately through the response_url', async () => {
    await h.run(h.command('topics'));
    await h.run(h.command('help'));
    await h.run(h.command('frobnicate the widgets'));
    await h.run(h.command('kubernetes'));
    expect(h.stub.messages).toHaveLength(0);
    const bodies = h.stub.responses.map((response) => response.body);
    expect(bodies.every((body) => body.response_type === 'ephemeral' && body.replace_original === false)).toBe(true);
    expect(textOf(bodies[0]?.blocks)).toMatch(/`alerting`.*1 question[\s\S]*`tracing`.*1 question/);
    expect(textOf(bodies[1]?.blocks)).toContain('/obs-question mock [topic]');
    expect(textOf(bodies[2]?.blocks)).toContain('I didn\'t understand `frobnicate the widgets`');
    expect(textOf(bodies[3]?.blocks)).toContain('I didn\'t understand `kubernetes`');
  });

  it('asks a question on the requested topic', async () => {
    await h.run(h.command('alerting'));
    expect(textOf(h.stub.messages[0]?.blocks)).toContain('payments platform');
  });
});

describe('slack worker: mock interviews', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ maxFollowUps: { mock: 2 } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps the buttons for the candidate', async () => {
    await h.run(h.command('mock'));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    await h.run(h.action(rootTs, 'U7', 'finish'));
    expect(textOf(h.stub.callsTo('chat.postEphemeral')[0]?.args.blocks)).toMatch(/mock interview, so its buttons are theirs/);
    const session = await h.running.stores.sessions.get(h.threadId(rootTs));
    expect(session?.state.status).toBe('active');
  });

  it('starts a mock for whoever presses "Mock interview me" on a channel question', async () => {
    await h.run(h.command(''));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    await h.run(h.action(rootTs, 'U5', 'mock-me'));
    const mockRoot = h.stub.messages[1];
    expect(mockRoot?.thread_ts).toBeUndefined();
    expect(textOf(mockRoot?.blocks)).toMatch(/Mock interview for <@U5>/);
    expect(textOf(mockRoot?.blocks)).toContain(sampleQuestion.title);
    const session = await h.running.stores.sessions.get(h.threadId(mockRoot?.ts ?? ''));
    expect(session?.state).toMatchObject({ mode: 'mock', candidateId: 'U5' });
  });
});
