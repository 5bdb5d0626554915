import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPractice } from '../src/adapters/console/practice.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { runCli } from './helpers/run-cli.ts';
import { samplePacing } from './fixtures/sample-question.ts';
import { mockQuestion } from './fixtures/mock-question.ts';

const BIN = path.resolve('bin/obs-bot.mjs');

const MOCK_ANSWERS = [
  'I would ask how many services and requests per second we have, who is on-call, and how long traces must be kept.',
  '.',
  '/help',
  '/time',
  '/nonsense',
  'We standardise on OpenTelemetry and propagate the W3C traceparent header on every hop.',
  '.',
].join('\n');

describe('terminal practice behaves', () => {
  it('--mock runs the four-phase round, never scores /help, /time or unknown /words, and exits 0 after the scorecard', async () => {
    const run = await runCli(['practice', '--mock', '--question', 'tracing-100-services'], { input: `${MOCK_ANSWERS}\n/quit\nthis line comes after the end\n.\n` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⏱  Phase 1/4 · Requirements · ~5 min');
    expect(run.stdout).toContain('⏱  Phase 2/4 · Architecture · ~15 min');
    // /time answers with the phase clock, whichever phase the first answer left us in
    expect(run.stdout).toMatch(/⏱ {2}Phase [12]\/4 · \w+ · ~\d+ min · 0 min into this phase · question \d of \d · 0 min in, ~40 min left in the round/);
    expect(run.stdout).toContain('/nonsense is not a command here (nothing was scored)');
    expect(run.stdout).toContain('/hint    a nudge on the question on screen');
    // no running score in a mock: the grade comes in the scorecard
    expect(run.stdout).not.toMatch(/So far:|Coverage \d/);
    expect(run.stdout).toContain('🏁 Scorecard');
    expect(run.stdout).toMatch(/Level signal: /);
    expect(run.stdout).toContain('By phase');
    expect(run.stdout).toMatch(/Phase 1\/4 · Requirements · ~5 min · \d answers?: /);
    // the scorecard ends the session: what follows is not read as an answer
    expect(run.stdout).not.toContain('this line comes after the end');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/answers? · \d+ questions? after the first/);
  });

  it('a pasted answer after /reveal earns no level signal', async () => {
    const run = await runCli(['practice', '--question', 'tracing-100-services', '--followups', '0'], {
      input: '/reveal\nWe propagate the W3C traceparent header, use tail-based sampling that keeps errors, and redact PII in the collector.\n.\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('🗝  Key points');
    expect(run.stdout).toContain('Level signal: Not rated');
    expect(run.stdout).toContain('key points revealed before answering: yes');
    expect(run.stdout).not.toMatch(/Solid staff-level/);
  });

  it('Ctrl-C prints the scorecard so far, then exits 130', async () => {
    const child = spawn(process.execPath, [BIN, 'practice', '--mock', '--question', 'tracing-100-services'], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const reacted = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // the first answer has had its reaction (a dig-in, or the next phase)
        if (/You mentioned|Phase 2\/4/.test(stdout)) resolve();
      });
    });
    child.stdin.write('We must handle 50k requests per second for 300 engineers.\n.\n');
    await reacted;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout).toContain('Interrupted: here is your scorecard so far.');
    expect(stdout).toContain('🏁 Scorecard');
  });

  // A real pseudo-terminal, where `script` (util-linux) is installed: Ctrl-C typed as a key,
  // and a clean exit after the scorecard although stdin is a terminal that stays open.
  const script = ['/usr/bin/script', '/bin/script'].find((candidate) => existsSync(candidate));
  it.skipIf(!script)('in a pseudo-terminal: exits by itself after the scorecard, and Ctrl-C exits 130', async () => {
    const inPty = (keys: string[]): Promise<{ code: number | null; out: string }> =>
      new Promise((resolve) => {
        const child = spawn(script as string, ['-qfec', `${process.execPath} ${BIN} practice --followups 0 --question tracing-100-services`, '/dev/null'], {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'dumb' },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let sent = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          // Type the next key once the prompt shows.
          if (sent < keys.length && out.split('> ').length - 1 > sent) child.stdin.write(keys[sent++] as string);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, out });
        });
      });
    const finished = await inPty(['We propagate the traceparent header on every hop.\r.\r']);
    expect(finished.out).toContain('🏁 Scorecard');
    expect(finished.code).toBe(0);
    const interrupted = await inPty(['\u0003']);
    expect(interrupted.out).toContain('Interrupted: here is your scorecard so far.');
    expect(interrupted.code).toBe(130);
  }, 45_000);

  it('a long silence in a mock earns one gentle nudge per phase', async () => {
    const clock = { now: Date.UTC(2026, 0, 1, 9, 0, 0) };
    let out = '';
    const input = new Readable({ read() {} });
    const controller = new AbortController();
    const running = runPractice({
      question: mockQuestion,
      pacing: samplePacing,
      scorer: new KeywordScorer(),
      maxFollowUps: 3,
      mock: true,
      input,
      write: (text) => (out += text),
      now: () => clock.now,
      signal: controller.signal,
      tickEveryMs: 5,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(out).not.toContain('⏳');
    clock.now += 5.5 * 60_000;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(out.match(/⏳ What constraints matter most\?/g)).toHaveLength(1);
    controller.abort();
    const outcome = await running;
    expect(outcome.interrupted).toBe(true);
    expect(out).toContain('🏁 Scorecard');
  });
});
