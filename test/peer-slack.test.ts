import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewSubmissionPayload } from './helpers/slack-http.ts';
import { buttonValue, dmsTo, ephemeralsTo, otherQuestion, peerQuestion, press, responsesTo, startPeerHarness, textOf, threadReply, BOT_TOKEN, SIGNING_SECRET, type PeerHarness } from './peer-slack-harness.ts';
import type { StoredMessage } from './stubs/slack-api.ts';

const CHANNEL = 'CPEER1';
const ANSWER = 'I would propagate context with the W3C traceparent header on every hop, including queue messages, so every consumer joins the trace.';
let h: PeerHarness;

beforeAll(async () => {
  h = await startPeerHarness();
  h.stub.setMembers(CHANNEL, ['UI', 'UC', 'UX', 'UBOT2']);
  h.stub.setUser('UBOT2', { is_bot: true });
  h.stub.setUser('UGONE', { missing: true });
});

afterAll(async () => {
  await h?.close();
});

async function command(text: string, user: string, id: string): Promise<void> {
  const response = await h.http.command({ text, team_id: 'T1', channel_id: CHANNEL, user_id: user, trigger_id: `trig.cmd.${id}`, response_url: h.stub.responseUrl(id) });
  expect(response.status).toBe(200);
}

function roots(): StoredMessage[] {
  return h.stub.messages.filter((message) => message.channel === CHANNEL && message.thread_ts === undefined);
}

describe('Slack peer mock interview', () => {
  it('refuses yourself, a bot, someone not in the channel and someone unknown, each with a clear private note', async () => {
    await command('peer <@UI|ivan>', 'UI', 'self');
    await command('peer <@UBOT2|helper>', 'UI', 'bot');
    await command('peer <@UOUT|olga>', 'UI', 'outside');
    await command('peer <@UGONE>', 'UI', 'gone');
    await command('peer', 'UI', 'none');
    await h.stub.waitFor(() => ['self', 'bot', 'outside', 'gone', 'none'].every((id) => responsesTo(h, id).length > 0), 10_000, 'five refusals');
    expect(responsesTo(h, 'self')[0]).toContain('can’t interview yourself');
    expect(responsesTo(h, 'bot')[0]).toContain('is a bot');
    expect(responsesTo(h, 'outside')[0]).toContain('isn’t in this channel');
    expect(responsesTo(h, 'gone')[0]).toContain('can’t find');
    expect(responsesTo(h, 'none')[0]).toContain('Usage');
    expect(roots()).toEqual([]);
  });

  it('runs a whole session: thread + private brief, answer, menu follow-up, own follow-up, third-party refusal, scorecard, ratings, swap', async () => {
    await command('peer <@UC|carol> tracing', 'UI', 'start');
    await h.stub.waitFor(() => roots().length === 1 && dmsTo(h, 'UI').length === 1, 10_000, 'thread and brief');
    const root = roots()[0] as StoredMessage;
    await h.stub.waitFor(() => responsesTo(h, 'start').length > 0, 10_000, 'the started note');
    expect(responsesTo(h, 'start')[0]).toContain('your interviewer brief is in your DMs');
    const intro = textOf(root.blocks);
    expect(intro).toContain('<@UC>, <@UI> is interviewing you');
    // Either question may come first; the swap must then bring the other one.
    const [first, second] = intro.includes(peerQuestion.title) ? [peerQuestion, otherQuestion] : [otherQuestion, peerQuestion];
    expect(intro).toContain(first.title);
    // The rubric never reaches the candidate before the end.
    for (const point of peerQuestion.rubric) expect(intro).not.toContain(point.point);

    const brief = textOf(dmsTo(h, 'UI')[0]?.blocks);
    for (const point of peerQuestion.rubric) expect(brief).toContain(point.point);
    expect(brief).toContain(peerQuestion.summary);
    expect(brief).toContain(peerQuestion.tradeOffs[0]);
    expect(brief).toContain(peerQuestion.tip);
    expect(brief).toContain('Head sampling keeps every error trace.');
    expect(brief).toContain('Requirements 5 min');
    expect(brief).toContain('How do you trace cron jobs?');

    // The candidate answers in the thread; a retried delivery of the same event changes nothing.
    const answer = threadReply(CHANNEL, root.ts, 'UC', ANSWER, '1900000000.000100');
    await h.http.event(answer);
    await h.http.event(answer, { retryNum: 1 });
    await h.stub.waitFor(() => dmsTo(h, 'UI').length === 2, 10_000, 'the menu after the answer');
    const menu = dmsTo(h, 'UI')[1] as StoredMessage;
    const menuText = textOf(menu.blocks);
    expect(menuText).toContain('<@UC> answered');
    // Propagation was covered, so the follow-up probing sampling is the one suggested.
    expect(menuText).toMatch(/Which traces do you keep when storage is tight\?.*⭐ suggested/);
    expect(menuText).not.toMatch(/queue message join the trace\?.*⭐/);
    expect(h.stub.reactions.some((reaction) => reaction.timestamp === '1900000000.000100' && reaction.name === 'eyes')).toBe(true);

    // A third party presses End: refused, privately, naming the two.
    await press(h, { channel: CHANNEL, user: 'UX', blocks: root.blocks, actionId: 'obs_peer_end', messageTs: root.ts, id: 'third' });
    await h.stub.waitFor(() => responsesTo(h, 'third').length > 0, 10_000, 'third-party refusal');
    expect(responsesTo(h, 'third')[0]).toContain('This is <@UI> and <@UC>');

    // The interviewer picks the suggested follow-up from the DM menu: it is posted in the thread.
    const suggested = JSON.parse(buttonValue(menu.blocks, 'obs_peer_follow-up_0')) as { v: string };
    expect(suggested.v).toBe('n0');
    await press(h, { channel: 'DUI', user: 'UI', blocks: menu.blocks, actionId: 'obs_peer_follow-up_0', messageTs: menu.ts, id: 'ask' });
    await h.stub.waitFor(() => h.stub.threadReplies(CHANNEL, root.ts).length === 1, 10_000, 'the follow-up in the thread');
    expect(textOf(h.stub.threadReplies(CHANNEL, root.ts)[0]?.blocks)).toContain('Which traces do you keep when storage is tight?');
    // The same choice again is refused: it was already asked.
    await press(h, { channel: 'DUI', user: 'UI', blocks: menu.blocks, actionId: 'obs_peer_follow-up_0', messageTs: menu.ts, id: 'ask-again' });
    await h.stub.waitFor(() => responsesTo(h, 'ask-again').length > 0, 10_000, 'repeat refusal');
    expect(responsesTo(h, 'ask-again')[0]).toContain('already asked');

    // Second answer, then the interviewer's own follow-up typed in the thread, then a third answer.
    await h.http.event(threadReply(CHANNEL, root.ts, 'UC', 'Tail sampling keeps errors and slow traces after the trace completes.', '1900000000.000200'));
    await h.stub.waitFor(() => dmsTo(h, 'UI').length === 3, 10_000, 'second menu');
    expect(textOf(dmsTo(h, 'UI')[2]?.blocks)).toMatch(/Which traces do you keep when storage is tight\?.*✓/);
    await h.http.event(threadReply(CHANNEL, root.ts, 'UI', 'What would you cut first if the tracing bill doubled?', '1900000000.000300'));
    await h.http.event(threadReply(CHANNEL, root.ts, 'UC', 'Drop debug spans and lower head sampling on healthy paths.', '1900000000.000400'));
    await h.stub.waitFor(() => dmsTo(h, 'UI').length === 4, 10_000, 'third menu');
    // The bot never re-posted the interviewer's own words.
    expect(h.stub.threadReplies(CHANNEL, root.ts)).toHaveLength(1);

    // A bystander's reply in the thread is not an answer; they are told whose session it is.
    await h.http.event(threadReply(CHANNEL, root.ts, 'UX', 'Can I play too?', '1900000000.000500'));
    await h.stub.waitFor(() => ephemeralsTo(h, 'UX').length === 1, 10_000, 'bystander note');
    expect(textOf(ephemeralsTo(h, 'UX')[0]?.args.blocks)).toContain('This is <@UI> and <@UC>');

    // Only the interviewer opens the scorecard.
    await press(h, { channel: CHANNEL, user: 'UC', blocks: root.blocks, actionId: 'obs_peer_scorecard', messageTs: root.ts, id: 'card-cand' });
    await h.stub.waitFor(() => responsesTo(h, 'card-cand').length > 0, 10_000, 'candidate refused the card');
    expect(responsesTo(h, 'card-cand')[0]).toContain('Only the interviewer');
    await press(h, { channel: CHANNEL, user: 'UI', blocks: root.blocks, actionId: 'obs_peer_scorecard', messageTs: root.ts, id: 'card' });
    await h.stub.waitFor(() => h.stub.views.length === 1, 10_000, 'the scorecard modal');
    const opened = h.stub.views[0]!;
    expect(opened.triggerId).toMatch(/^trig\.card\./);
    const modalBlocks = (opened.view.blocks as { block_id?: string }[]).map((block) => block.block_id).filter(Boolean);
    expect(modalBlocks).toEqual([...peerQuestion.rubric.map((point) => `point:${point.id}`), 'overall', 'level', 'notes']);

    const NOTES = 'Strong on propagation; push on cost next time.';
    const values = { 'point:propagation': 'covered', 'point:sampling': 'partial', 'point:overhead': 'missed', 'point:privacy': 'missed', overall: 'yes', level: 'staff', notes: NOTES };
    const submission = viewSubmissionPayload({ teamId: 'T1', userId: 'UI', viewId: opened.id, view: opened.view, values });
    expect((await h.http.action(submission)).status).toBe(200);
    await h.http.action(submission);
    await h.stub.waitFor(() => dmsTo(h, 'UC').some((message) => textOf(message.blocks).includes('Peer scorecard')), 10_000, 'the scorecard for the candidate');
    const card = textOf(dmsTo(h, 'UC').find((message) => textOf(message.blocks).includes('Peer scorecard'))?.blocks);
    expect(card).toContain(NOTES);
    expect(card).toMatch(/Overall:\* Yes at staff level · \*Automatic rubric score:\* \d+\/100/);
    expect(card).toContain('*Context propagation*: interviewer covered · automatic covered');
    await h.stub.waitFor(() => dmsTo(h, 'UI').some((message) => textOf(message.blocks).includes('Peer scorecard')), 10_000, 'the interviewer copy');
    // Once, though submitted twice; and the notes are nowhere public.
    expect(dmsTo(h, 'UC').filter((message) => textOf(message.blocks).includes('Peer scorecard'))).toHaveLength(1);
    expect(h.stub.messages.filter((message) => message.channel === CHANNEL).map((message) => textOf(message.blocks)).join('\n')).not.toContain(NOTES);

    // The thread says it ended, with rating and swap buttons.
    await h.stub.waitFor(() => h.stub.threadReplies(CHANNEL, root.ts).some((message) => textOf(message.blocks).includes('scorecard was sent')), 10_000, 'ended note');
    const ended = h.stub.threadReplies(CHANNEL, root.ts).find((message) => textOf(message.blocks).includes('scorecard was sent')) as StoredMessage;
    await press(h, { channel: CHANNEL, user: 'UC', blocks: ended.blocks, actionId: 'obs_peer_rate_5', messageTs: ended.ts, id: 'rate-c' });
    await press(h, { channel: CHANNEL, user: 'UX', blocks: ended.blocks, actionId: 'obs_peer_rate_1', messageTs: ended.ts, id: 'rate-x' });
    await h.stub.waitFor(() => responsesTo(h, 'rate-c').length > 0 && responsesTo(h, 'rate-x').length > 0, 10_000, 'ratings');
    expect(responsesTo(h, 'rate-c')[0]).toContain('rated this session 5/5');
    expect(responsesTo(h, 'rate-x')[0]).toContain('This is <@UI> and <@UC>');
    // The candidate's rating is the interviewer's reputation, shown in their stats.
    await command('stats', 'UI', 'stats-ui');
    await h.stub.waitFor(() => responsesTo(h, 'stats-ui').length > 0, 10_000, 'stats');
    expect(responsesTo(h, 'stats-ui').join('\n')).toContain('As interviewer: 5/5 from 1 rating');

    // Swap: the candidate becomes the interviewer, on the other question, with their own brief.
    await press(h, { channel: CHANNEL, user: 'UC', blocks: ended.blocks, actionId: 'obs_peer_swap', messageTs: ended.ts, id: 'swap' });
    await h.stub.waitFor(() => roots().length === 2 && dmsTo(h, 'UC').some((message) => textOf(message.blocks).includes('Your interviewer brief')), 10_000, 'the swapped session');
    const swapped = textOf(roots()[1]?.blocks);
    expect(swapped).toContain('<@UI>, <@UC> is interviewing you');
    expect(swapped).toContain(second.title);
    await press(h, { channel: CHANNEL, user: 'UI', blocks: ended.blocks, actionId: 'obs_peer_swap', messageTs: ended.ts, id: 'swap-again' });
    await h.stub.waitFor(() => responsesTo(h, 'swap-again').length > 0, 10_000, 'second swap refused');
    expect(roots()).toHaveLength(2);
  });

  it('keeps tokens out of every log line', () => {
    expect(h.lines.length).toBeGreaterThan(10);
    for (const line of h.lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
