import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from './helpers/run-cli.ts';

const STRONG_ANSWER = `I would standardise on OpenTelemetry SDKs in every service and propagate W3C trace context (the traceparent header) on every HTTP and gRPC hop.
For queues I inject the context into message headers and the consumer restores it, linking the consumer span to the producer with span links.
Sampling is tail-based in the collector so we keep every error and every trace slower than p95, and keep a small share of the rest.
.`;

describe('obs-bot CLI', () => {
  it('practice runs a whole interview from piped standard input', async () => {
    const run = await runCli(['practice', '--question', 'tracing-100-services', '--followups', '1'], {
      input: `${STRONG_ANSWER}\n/hint\nWe cap exporter batch sizes and memory so overhead stays under one percent of CPU.\n.\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('end the answer with a line holding only "."');
    // practice reacts to each answer with the person's words and a running score, not the whole rubric again
    expect(run.stdout).toMatch(/Noted: “[^”]+” \(/);
    expect(run.stdout).toMatch(/So far: \d\/7 points covered · \d+\/100/);
    expect(run.stdout).not.toMatch(/❌ [^\n]*nothing yet/);
    expect(run.stdout).toContain('Next → (1/1)');
    expect(run.stdout).toContain('💡 Hint 1/2:');
    expect(run.stdout).toContain('🏁 Scorecard');
    expect(run.stdout).toMatch(/Verdict: /);
  });

  it('practice asks again for an empty answer and finishes at end of input', async () => {
    const run = await runCli(['practice', '--question', 'tracing-100-services'], { input: '.\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('That answer is empty');
    expect(run.stdout).toContain('🏁 Scorecard');
    expect(run.stdout).toContain('Design rubric: 0 covered, 0 partial, 7 missed · 0/100');
  });

  it('handles a 20,000-character answer with emoji and non-Latin text', async () => {
    const long = `${'We propagate traceparent context through Kafka headers 🚀 追踪 трассировка. '.repeat(300)}\n.\n`;
    expect(long.length).toBeGreaterThan(20_000);
    const run = await runCli(['practice', '--question', 'tracing-100-services', '--followups', '0'], { input: long });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('🏁 Scorecard');
  });

  it('npm start without chat credentials says how to connect, then practises', async () => {
    const run = await runCli(['start', '--question', 'tracing-100-services'], { input: '/finish\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/SLACK_BOT_TOKEN/);
    expect(run.stdout).toContain('🏁 Scorecard');
  });

  it('an unknown topic or question lists the valid ones and exits non-zero', async () => {
    const topic = await runCliInProcess(['practice', '--topic', 'astrology']);
    expect(topic.code).toBe(1);
    expect(topic.stderr).toMatch(/Unknown topic "astrology"\. Topics: .*tracing/);
    const question = await runCliInProcess(['content', 'show', 'nope']);
    expect(question.code).toBe(1);
    expect(question.stderr).toMatch(/Unknown question "nope"\. Valid ids: .*tracing-100-services/);
    expect(question.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('content list and show print JSON', async () => {
    const list = await runCliInProcess(['content', 'list', '--json', '--topic', 'tracing']);
    const rows = JSON.parse(list.stdout) as { id: string; topic: string; title: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.topic === 'tracing' && row.title.length > 10)).toBe(true);
    const show = await runCliInProcess(['content', 'show', 'tracing-100-services', '--json']);
    const question = JSON.parse(show.stdout) as { rubric: { id: string }[]; followUps: { functional: string[]; nonFunctional: string[] }; tip: string };
    expect(question.rubric.length).toBeGreaterThanOrEqual(4);
    expect(question.followUps.functional.length).toBeGreaterThan(0);
    expect(typeof question.tip).toBe('string');
  });

  it('score --json reads the answer from standard input', async () => {
    const run = await runCliInProcess(['score', '--question', 'tracing-100-services', '--json'], STRONG_ANSWER);
    const result = JSON.parse(run.stdout) as { questionId: string; scorer: string; score: number; points: { id: string; verdict: string; evidence: string | null }[] };
    expect(result.questionId).toBe('tracing-100-services');
    expect(result.scorer).toBe('keyword');
    expect(result.score).toBeGreaterThan(20);
    const covered = result.points.filter((point) => point.verdict !== 'missed');
    expect(covered.length).toBeGreaterThan(0);
    for (const point of covered) expect(STRONG_ANSWER).toContain(point.evidence);
  });

  it('score never quotes evidence beside a missed point: a keyword list is named by its note instead', async () => {
    const list = 'W3C traceparent, baggage, kafka headers, tail sampling, errors, slow traces, gateway collectors, trace id routing, tempo, object storage';
    const run = await runCliInProcess(['score', '--question', 'tracing-100-services'], list);
    const lines = run.stdout.split('\n');
    const missed = lines.filter((line) => line.trimStart().startsWith('missed'));
    expect(missed.length).toBeGreaterThan(2);
    for (const line of missed) expect(line).not.toContain('“');
    expect(lines).toContainEqual(expect.stringMatching(/missed +Sampling strategy \(mentions "tail sampling" only in a keyword list\)/));
  });

  it('stops quietly, with exit 0 and no stack trace, when the reader closes the pipe (obs-bot eval --json | head)', async () => {
    const child = spawn(process.execPath, [path.resolve('bin/obs-bot.mjs'), 'eval', '--json', '--split', 'tune'], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The eval's JSON is megabytes: it is still being written when the reader goes away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('content lint reports every problem as path: field: message, with exit 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'obs-lint-'));
    await cp('content/pacing.yaml', path.join(dir, 'pacing.yaml'));
    await mkdir(path.join(dir, 'questions'));
    await cp('content/questions/tracing-100-services.yaml', path.join(dir, 'questions', 'a.yaml'));
    await cp('content/questions/tracing-100-services.yaml', path.join(dir, 'questions', 'b-duplicate.yaml'));
    await writeFile(path.join(dir, 'questions', 'c-bad.yaml'), 'id: Bad Id\ntopic: tracing\ntitle: ""\nrubric: []\n');
    await writeFile(path.join(dir, 'questions', 'd-broken.yaml'), 'id: [unclosed\n');
    const run = await runCliInProcess(['content', 'lint', dir]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/b-duplicate\.yaml: id: duplicate id "tracing-100-services"/));
    expect(lines).toContainEqual(expect.stringMatching(/c-bad\.yaml: id: must be a lowercase slug/));
    expect(lines).toContainEqual(expect.stringMatching(/c-bad\.yaml: rubric: needs 4 to 8 points/));
    expect(lines).toContainEqual(expect.stringMatching(/c-bad\.yaml: summary: /));
    expect(lines).toContainEqual(expect.stringMatching(/d-broken\.yaml: \(yaml\): line \d/));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const ok = await runCliInProcess(['content', 'lint']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: \d+ questions/);
  });

  it('an unknown command prints usage and exits 2', async () => {
    const run = await runCliInProcess(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: obs-bot');
  });
});
