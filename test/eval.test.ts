import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../src/cli/commands/eval.ts';
import type { CliIO } from '../src/cli/types.ts';
import { validateContentDir } from '../src/core/content/load.ts';
import { ContentError } from '../src/core/errors.ts';
import { loadEvalDataset } from '../src/core/eval/load-dataset.ts';
import { cohensKappa, meanAbsoluteError, pointAccuracy, type VerdictPair } from '../src/core/eval/metrics.ts';
import { runEval } from '../src/core/eval/run-eval.ts';
import type { Scorer, Verdict } from '../src/core/scoring/types.ts';
import { setLogSink, type LogSink } from '../src/infra/logger.ts';
import { OpenAiStub, type RecordedRequest } from './stubs/openai-server.ts';

const CONTENT = 'test/fixtures/llm-eval/content';
const DATASET = 'test/fixtures/llm-eval/dataset';

function pairs(...groups: [expected: Verdict, got: Verdict, count: number][]): VerdictPair[] {
  return groups.flatMap(([expected, got, count]) => Array.from({ length: count }, () => ({ expected, got })));
}

function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    stdin: new PassThrough(),
    interactive: false,
    out: () => out,
    err: () => err,
  };
}

describe('eval metrics', () => {
  it('point accuracy is the share of matching verdicts', () => {
    expect(pointAccuracy(pairs(['covered', 'covered', 3], ['partial', 'missed', 1]))).toBe(0.75);
    expect(pointAccuracy([])).toBeNaN();
  });

  it("Cohen's kappa: the textbook 2x2 table gives 0.4", () => {
    // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; (0.7 − 0.5) / (1 − 0.5) = 0.4
    const table = pairs(['covered', 'covered', 20], ['covered', 'missed', 5], ['missed', 'covered', 10], ['missed', 'missed', 15]);
    expect(cohensKappa(table)).toBeCloseTo(0.4, 10);
  });

  it("Cohen's kappa over three classes, computed by hand", () => {
    // rows expected C/P/M, columns got C/P/M: [4 1 0] [1 1 1] [0 0 2]
    // po = 7/10; expected marginals .5 .3 .2, got marginals .5 .2 .3
    // pe = .25 + .06 + .06 = .37; kappa = .33 / .63
    const table = pairs(
      ['covered', 'covered', 4], ['covered', 'partial', 1],
      ['partial', 'covered', 1], ['partial', 'partial', 1], ['partial', 'missed', 1],
      ['missed', 'missed', 2],
    );
    expect(cohensKappa(table)).toBeCloseTo(0.33 / 0.63, 10);
  });

  it("Cohen's kappa: perfect agreement is 1, perfect inversion is -1, chance-only is 0, undefined is NaN", () => {
    expect(cohensKappa(pairs(['covered', 'covered', 2], ['partial', 'partial', 2], ['missed', 'missed', 2]))).toBe(1);
    expect(cohensKappa(pairs(['covered', 'missed', 3], ['missed', 'covered', 3]))).toBeCloseTo(-1, 10);
    expect(cohensKappa(pairs(['covered', 'covered', 1], ['missed', 'covered', 3]))).toBe(0);
    expect(cohensKappa(pairs(['missed', 'missed', 4]))).toBeNaN();
    expect(cohensKappa([])).toBeNaN();
  });

  it('MAE averages absolute score gaps', () => {
    expect(meanAbsoluteError([{ expected: 100, got: 80 }, { expected: 50, got: 60 }])).toBe(15);
    expect(meanAbsoluteError([])).toBeNaN();
  });
});

describe('runEval', () => {
  it('measures a scorer that calls everything covered against the fixture labels', async () => {
    const { questions } = await validateContentDir(CONTENT);
    const cases = await loadEvalDataset(DATASET, questions);
    const everythingCovered: Scorer = {
      name: 'keyword',
      score: async (question) => ({
        questionId: question.id,
        scorer: 'keyword',
        score: 100,
        points: question.rubric.map((point) => ({ id: point.id, verdict: 'covered' as const })),
        notices: [],
      }),
    };
    const report = await runEval(cases, everythingCovered);
    // Labels: 5 covered, 7 partial, 13 missed of 25 points. Expected scores 100, 23, 0, 50, 0.
    expect(report).toMatchObject({ answers: 5, points: 25, fallbacks: 0 });
    expect(report.accuracy).toBeCloseTo(0.2, 10);
    expect(report.kappa).toBeCloseTo(0, 10);
    expect(report.mae).toBeCloseTo((0 + 77 + 100 + 50 + 100) / 5, 10);
    expect(report.worst.map((outcome) => [outcome.answerId, outcome.kind, outcome.expectedScore, outcome.gotScore])).toEqual([
      ['off-topic-1', 'off-topic', 0, 100],
      ['injection-1', 'prompt-injection', 0, 100],
      ['partial-1', 'partial', 23, 100],
      ['stuffed-1', 'keyword-stuffed', 50, 100],
    ]);
  });
});

describe('loadEvalDataset', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'obs-eval-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file and the field of every problem', async () => {
    const good = await readFile(path.join(DATASET, 'tracing-100-services.yaml'), 'utf8');
    const file = path.join(dir, 'tracing-100-services.yaml');
    await writeFile(file, good.replace('      sampling: covered', '      sampling: maybe'));
    const other = path.join(dir, 'no-such-question.yaml');
    await writeFile(other, 'questionId: no-such-question\nanswers:\n  - id: a\n    kind: strong\n    text: hi\n    verdicts: {}\n');
    const { questions } = await validateContentDir(CONTENT);

    const error = await loadEvalDataset(dir, questions).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    const issues = (error as ContentError).issues.map((issue) => `${issue.path}: ${issue.field}`);
    expect(issues).toContain(`${other}: questionId`);
    expect(issues).toContain(`${file}: answers[0].verdicts.sampling`);
    expect((error as ContentError).message).toContain('must be covered, partial or missed');
  });

  it('reports a label set that does not match the rubric', async () => {
    const good = await readFile(path.join(DATASET, 'tracing-100-services.yaml'), 'utf8');
    const sub = await mkdtemp(path.join(dir, 'rubric-'));
    const file = path.join(sub, 'tracing-100-services.yaml');
    await writeFile(file, good.replace('      cost-retention: covered\n', '      cost-retentoin: covered\n'));
    const { questions } = await validateContentDir(CONTENT);
    const error = (await loadEvalDataset(sub, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(error.issues.map((issue) => [issue.field, issue.message.split(';')[0]])).toEqual([
      ['answers[0].verdicts.cost-retention', 'missing: label every rubric point of tracing-100-services'],
      ['answers[0].verdicts.cost-retentoin', 'not a rubric point of tracing-100-services'],
    ]);
  });
});

describe('obs-bot eval', () => {
  let previousSink: LogSink;
  beforeAll(() => {
    previousSink = setLogSink(() => undefined);
  });
  afterAll(() => {
    setLogSink(previousSink);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints accuracy, kappa, MAE and the worst disagreements for the keyword scorer', async () => {
    const io = captureIO();
    const code = await evalCommand.run(['--content', CONTENT, DATASET], io);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('5 labelled answers over 1 questions');
    expect(out).toContain('Scorer: keyword (5 answers, 25 rubric points)');
    expect(out).toMatch(/point accuracy\s+\d+\.\d%/);
    expect(out).toMatch(/Cohen's kappa\s+-?\d\.\d{3}/);
    expect(out).toMatch(/score MAE\s+\d+\.\d points/);
    expect(out).toMatch(/tracing-100-services \/ [a-z0-9-]+ \([a-z-]+\): expected \d+, got \d+/);
  });

  it('with --scorer llm and no LLM configured, says how to configure one and exits 2', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const io = captureIO();
    expect(await evalCommand.run(['--scorer', 'llm', '--content', CONTENT, DATASET], io)).toBe(2);
    expect(io.err()).toContain('OPENAI_API_KEY');
    expect(io.out()).toBe('');
  });

  it('rejects an unknown scorer name', async () => {
    await expect(evalCommand.run(['--scorer', 'magic', '--content', CONTENT, DATASET], captureIO())).rejects.toThrow(/keyword or llm/);
  });

  it('runs the LLM scorer against an OpenAI-compatible server and reports its usage', async () => {
    const stub = await OpenAiStub.start();
    try {
      // A model that finds nothing: every point missed, no quotes.
      stub.otherwise((request: RecordedRequest) => {
        const format = request.body.response_format as { json_schema: { schema: { properties: { points: { items: { properties: { id: { enum: string[] } } } } } } } };
        const ids = format.json_schema.schema.properties.points.items.properties.id.enum;
        return { content: JSON.stringify({ points: ids.map((id) => ({ id, verdict: 'missed', evidence: '', note: 'not discussed' })), feedback: 'Thin.', followUp: null }) };
      });
      vi.stubEnv('OPENAI_API_KEY', '');
      vi.stubEnv('OPENAI_BASE_URL', stub.baseURL);
      const io = captureIO();
      expect(await evalCommand.run(['--scorer', 'keyword,llm', '--content', CONTENT, DATASET], io)).toBe(0);
      expect(stub.requests).toHaveLength(5);
      const out = io.out();
      expect(out).toContain('Scorer: keyword');
      expect(out).toContain('Scorer: llm (5 answers, 25 rubric points)');
      expect(out).toContain('point accuracy  52.0%');
      expect(out).toMatch(/LLM calls 5, prompt tokens \d+, completion tokens \d+, quote downgrades 0, fallbacks: none/);
    } finally {
      await stub.close();
    }
  });

  it.skipIf(!existsSync('content/eval'))('runs on the shipped content/eval with the keyword scorer', async () => {
    const io = captureIO();
    const code = await evalCommand.run(['--content', 'content', 'content/eval'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/Scorer: keyword \(\d+ answers, \d+ rubric points\)/);
  });
});
