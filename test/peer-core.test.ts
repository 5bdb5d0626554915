import { describe, expect, it } from 'vitest';
import {
  askFollowUp,
  candidateLeft,
  endPeerSession,
  followUpMenu,
  nextPeerTimerAt,
  onPeerTimer,
  pairRound,
  pairsOf,
  parsePairArgs,
  parsePeerArgs,
  pickFreshQuestion,
  ratePeerSession,
  recordPeerAnswer,
  startPeerSession,
  submitScorecard,
  type PeerSession,
  type PeerStep,
} from '../src/core/peer/index.ts';
import { questionSchema } from '../src/core/content/schema.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = (): PeerSession => startPeerSession({ id: 'slack:T1:C1:1.0', interviewerId: 'UI', candidateId: 'UC', questionId: sampleQuestion.id, now: 1_000, expiryMs: 7 * DAY });
const scoreOf = (verdicts: Record<string, string>): number => Object.values(verdicts).filter((verdict) => verdict === 'covered').length * 25;

function ok(step: PeerStep): Extract<PeerStep, { ok: true }> {
  if (!step.ok) throw new Error(`refused: ${step.refusal.code} ${step.refusal.message}`);
  return step;
}

const question = questionSchema.parse({
  ...sampleQuestion,
  followUps: {
    functional: [{ ask: 'How does a queue consumer join the trace?', probes: 'propagation' }, 'How do you trace cron jobs?'],
    nonFunctional: [{ ask: 'Which traces do you keep?', probes: 'sampling' }],
  },
});

describe('peer session state machine', () => {
  it('runs a whole session: answer, follow-up, answer, scorecard, ratings', () => {
    let session = start();
    expect(session.turn).toBe('candidate');
    session = ok(recordPeerAnswer(session, { userId: 'UC', chars: 120, now: 2_000, verdicts: { propagation: 'covered', sampling: 'partial' }, scoreOf })).state;
    expect(session.turn).toBe('interviewer');
    expect(session.autoScore).toBe(25);
    session = ok(askFollowUp(session, { userId: 'UI', now: 3_000, text: 'Which traces do you keep?', followUpId: 'n0' })).state;
    expect(session.usedFollowUps).toEqual(['n0']);
    // A later short answer does not undo what an earlier one covered.
    session = ok(recordPeerAnswer(session, { userId: 'UC', chars: 80, now: 4_000, verdicts: { propagation: 'missed', sampling: 'covered' }, scoreOf })).state;
    expect(session.autoVerdicts).toMatchObject({ propagation: 'covered', sampling: 'covered' });
    expect(session.autoScore).toBe(50);
    const carded = ok(submitScorecard(session, { userId: 'UI', now: 5_000, points: { propagation: 'covered', sampling: 'partial', overhead: 'missed', privacy: 'missed' }, overall: 'yes', level: 'staff', notes: ' good ' }, question.rubric.map((p) => p.id)));
    expect(carded.state.status).toBe('ended');
    expect(carded.events[0]).toMatchObject({ type: 'scorecard', to: 'UC', scorecard: { autoScore: 50, notes: 'good', overall: 'yes' } });
    session = ok(ratePeerSession(carded.state, { userId: 'UC', stars: 5 })).state;
    session = ok(ratePeerSession(session, { userId: 'UI', stars: 4 })).state;
    expect(session.ratings).toEqual({ UC: 5, UI: 4 });
  });

  it('refuses third parties, wrong roles, repeats and bad cards', () => {
    const session = start();
    expect(recordPeerAnswer(session, { userId: 'UX', chars: 1, now: 2, verdicts: {}, scoreOf })).toMatchObject({ ok: false, refusal: { code: 'not-participant' } });
    expect(recordPeerAnswer(session, { userId: 'UI', chars: 1, now: 2, verdicts: {}, scoreOf })).toMatchObject({ ok: false, refusal: { code: 'wrong-role' } });
    expect(askFollowUp(session, { userId: 'UC', now: 2, text: 'x' })).toMatchObject({ ok: false, refusal: { code: 'wrong-role' } });
    expect(askFollowUp(session, { userId: 'UI', now: 2, text: '   ' })).toMatchObject({ ok: false, refusal: { code: 'bad-input' } });
    const asked = ok(askFollowUp(session, { userId: 'UI', now: 2, text: 'q', followUpId: 'f0' })).state;
    expect(askFollowUp(asked, { userId: 'UI', now: 3, text: 'q', followUpId: 'f0' })).toMatchObject({ ok: false, refusal: { code: 'bad-input' } });
    const ids = question.rubric.map((p) => p.id);
    expect(submitScorecard(session, { userId: 'UC', now: 2, points: {}, overall: 'yes', level: 'staff', notes: '' }, ids)).toMatchObject({ ok: false, refusal: { code: 'wrong-role' } });
    expect(submitScorecard(session, { userId: 'UI', now: 2, points: { propagation: 'covered' }, overall: 'yes', level: 'staff', notes: '' }, ids)).toMatchObject({ ok: false, refusal: { code: 'bad-input' } });
    expect(ratePeerSession(session, { userId: 'UC', stars: 3 })).toMatchObject({ ok: false });
  });

  it('ends early by either side; the card may still follow an early end, once', () => {
    const ended = ok(endPeerSession(start(), { userId: 'UC', now: 5 }));
    expect(ended.state).toMatchObject({ status: 'ended', endReason: 'ended-early', endedBy: 'UC' });
    expect(recordPeerAnswer(ended.state, { userId: 'UC', chars: 1, now: 6, verdicts: {}, scoreOf })).toMatchObject({ ok: false, refusal: { code: 'closed' } });
    const points = Object.fromEntries(question.rubric.map((p) => [p.id, 'missed' as const]));
    const carded = ok(submitScorecard(ended.state, { userId: 'UI', now: 7, points, overall: 'no', level: 'senior', notes: '' }, Object.keys(points)));
    expect(carded.events.map((event) => event.type)).toEqual(['scorecard']);
    expect(submitScorecard(carded.state, { userId: 'UI', now: 8, points, overall: 'no', level: 'senior', notes: '' }, Object.keys(points))).toMatchObject({ ok: false, refusal: { code: 'closed' } });
  });

  it('a candidate who left ends the session and blocks the card', () => {
    const left = ok(candidateLeft(start(), 9));
    expect(left.state.endReason).toBe('candidate-left');
    const points = Object.fromEntries(question.rubric.map((p) => [p.id, 'missed' as const]));
    expect(submitScorecard(left.state, { userId: 'UI', now: 10, points, overall: 'no', level: 'senior', notes: '' }, Object.keys(points)).ok).toBe(false);
  });

  it('nudges whoever owes a move once per silence, and expires after the limit', () => {
    const session = start();
    expect(nextPeerTimerAt(session, DAY)).toBe(1_000 + DAY);
    expect(onPeerTimer(session, { now: 1_000 + DAY - 1, idleMs: DAY })).toBeUndefined();
    const nudged = onPeerTimer(session, { now: 1_000 + DAY, idleMs: DAY });
    expect(nudged?.events).toEqual([{ type: 'nudge', to: 'UC', role: 'candidate' }]);
    // The same timer again (at-least-once) does nothing.
    expect(onPeerTimer(nudged!.state, { now: 1_000 + DAY + 5, idleMs: DAY })).toBeUndefined();
    expect(nextPeerTimerAt(nudged!.state, DAY)).toBe(1_000 + 7 * DAY);
    const answered = ok(recordPeerAnswer(nudged!.state, { userId: 'UC', chars: 1, now: 2 * DAY, verdicts: {}, scoreOf })).state;
    expect(onPeerTimer(answered, { now: 3 * DAY, idleMs: DAY })?.events).toEqual([{ type: 'nudge', to: 'UI', role: 'interviewer' }]);
    const expired = onPeerTimer(answered, { now: 1_000 + 7 * DAY, idleMs: DAY });
    expect(expired?.state.status).toBe('expired');
    expect(expired?.events).toEqual([{ type: 'ended', reason: 'expired' }]);
    expect(onPeerTimer(expired!.state, { now: 8 * DAY, idleMs: DAY })).toBeUndefined();
    expect(nextPeerTimerAt(expired!.state, DAY)).toBeUndefined();
  });
});

describe('follow-up menu', () => {
  it('suggests follow-ups probing uncovered points first, marks used ones last', () => {
    const menu = followUpMenu(question, ['f1'], { propagation: 'covered', sampling: 'partial' });
    expect(menu.map((choice) => [choice.id, choice.suggested, choice.used])).toEqual([
      ['n0', true, false],
      ['f0', false, false],
      ['f1', false, true],
    ]);
  });
});

describe('fresh question for a swap', () => {
  it('never repeats a question either person saw, prefers the topic, and runs out', () => {
    const bank = [sampleQuestion, { ...sampleQuestion, id: 'b', topic: 'slo' }, { ...sampleQuestion, id: 'c' }];
    expect(pickFreshQuestion(bank, new Set(['sample-tracing']), () => 0, 'tracing')?.id).toBe('c');
    expect(pickFreshQuestion(bank, new Set(['sample-tracing', 'c']), () => 0, 'tracing')?.id).toBe('b');
    expect(pickFreshQuestion(bank, new Set(['sample-tracing', 'b', 'c']), () => 0)).toBeUndefined();
  });
});

describe('pairing rounds', () => {
  const people = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

  it('is deterministic for a seed and covers everyone once', () => {
    const a = pairRound(people, new Set(), 'seed-1');
    const b = pairRound([...people].reverse(), new Set(), 'seed-1');
    expect(a).toEqual(b);
    expect(a.groups.flatMap((group) => group.members).sort()).toEqual(people);
    for (const group of a.groups) expect(group.members).toContain(group.firstInterviewer);
    expect(pairRound(people, new Set(), 'seed-2')).not.toEqual(a);
  });

  it('avoids pairs from recent rounds over five consecutive rounds of six people', () => {
    const recent: string[][] = [];
    const seen = new Set<string>();
    for (let round = 0; round < 5; round += 1) {
      const result = pairRound(people, new Set(recent.flat()), `r${round}`);
      expect(result.repeats).toBe(0);
      for (const key of pairsOf(result.groups)) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      recent.push(pairsOf(result.groups));
    }
    // Six people have 15 pairs, and five rounds of three pairs used all of them.
    expect(seen.size).toBe(15);
  });

  it('makes one trio for an odd count, and nothing for one person', () => {
    const result = pairRound(['A', 'B', 'C', 'D', 'E'], new Set(), 'x');
    expect(result.groups.map((group) => group.members.length).sort()).toEqual([2, 3]);
    expect(pairRound(['A'], new Set(), 'x').groups).toEqual([]);
    expect(pairRound(['A', 'B', 'C'], new Set(), 'x').groups).toHaveLength(1);
  });

  it('repeats a pair only when nothing else exists, and says so', () => {
    const result = pairRound(['A', 'B'], new Set(['A|B']), 'x');
    expect(result.repeats).toBe(1);
  });
});

describe('peer and pair arguments', () => {
  it('reads Slack and Discord mentions and an optional topic', () => {
    expect(parsePeerArgs(['<@U123|ana>'])).toEqual({ kind: 'peer-start', candidateId: 'U123' });
    expect(parsePeerArgs(['<@!8812>', 'Tracing'])).toEqual({ kind: 'peer-start', candidateId: '8812', topic: 'tracing' });
    expect(parsePeerArgs([]).kind).toBe('peer-invalid');
    expect(parsePeerArgs(['ana']).kind).toBe('peer-invalid');
    expect(parsePeerArgs(['<@U1>', 'a', 'b']).kind).toBe('peer-invalid');
  });

  it('reads pair verbs and snooze durations', () => {
    expect(parsePairArgs(['join'])).toEqual({ kind: 'pair-join' });
    expect(parsePairArgs([])).toEqual({ kind: 'pair-status' });
    expect(parsePairArgs(['snooze', '2w'])).toEqual({ kind: 'pair-snooze', ms: 14 * DAY, label: '2w' });
    expect(parsePairArgs(['snooze', '20w']).kind).toBe('peer-invalid');
    expect(parsePairArgs(['snooze', 'soon']).kind).toBe('peer-invalid');
    expect(parsePairArgs(['dance']).kind).toBe('peer-invalid');
  });
});

describe('Discord options → peer and pair words', async () => {
  const { commandText } = await import('../src/adapters/discord/commands/command-text.ts');
  const options = (subcommand: string, values: Record<string, string>) => ({ group: null, subcommand, get: (name: string) => values[name] ?? null });

  it('turns the user option into a mention and keeps the pair value to plain words', () => {
    expect(commandText(options('peer', { candidate: '960000000000000002', topic: 'tracing' }))).toBe('peer <@960000000000000002> tracing');
    expect(commandText(options('pair', { action: 'schedule', value: 'mon 09:30 Europe/Berlin' }))).toBe('pair schedule mon 09:30 Europe/Berlin');
    expect(commandText(options('pair', { action: 'snooze', value: '2w' }))).toBe('pair snooze 2w');
    expect(() => commandText(options('pair', { action: 'snooze', value: '2w; daily off' }))).toThrow(/not valid/);
    expect(() => commandText(options('peer', { candidate: 'everyone' }))).toThrow(/not valid/);
  });
});
