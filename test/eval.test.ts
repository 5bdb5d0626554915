import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../src/cli/commands/eval.ts';
import type { CliIO } from '../src/cli/types.ts';
import { validateContentDir } from '../src/core/content/load.ts';
import { ContentError } from '../src/core/errors.ts';
import type { Question } from '../src/core/content/schema.ts';
import type { AnswerKind, Split } from '../src/core/eval/dataset-schema.ts';
import type { EvalJson } from '../src/core/eval/eval-json.ts';
import { loadEvalDataset, type EvalCase } from '../src/core/eval/load-dataset.ts';
import { cohensKappa, meanAbsoluteError, pointAccuracy, type VerdictPair } from '../src/core/eval/metrics.ts';
import { rankingChecks } from '../src/core/eval/ranking-checks.ts';
import { issueTargets } from '../src/core/eval/targets.ts';
import { runEval, type EvalOutcome } from '../src/core/eval/run-eval.ts';
import type { Scorer, Verdict } from '../src/core/scoring/types.ts';
import { setLogSink, type LogSink } from '../src/infra/logger.ts';
import { OpenAiStub, type RecordedRequest } from './stubs/openai-server.ts';

const CONTENT = 'test/fixtures/llm-eval/content';
const DATASET = 'test/fixtures/llm-eval/dataset';
const TUNE = path.join(DATASET, 'tune');

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
    const cases = await loadEvalDataset(TUNE, questions);
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
    const run = await runEval(cases, everythingCovered);
    expect(run.splits.map((split) => split.split)).toEqual(['tune']);
    const report = run.splits[0]!;
    // Labels: 5 covered, 7 partial, 13 missed of 25 points. Expected scores 100, 23, 0, 50, 0.
    expect(report).toMatchObject({ answers: 5, points: 25, fallbacks: 0 });
    expect(report.accuracy).toBeCloseTo(0.2, 10);
    expect(report.kappa).toBeCloseTo(0, 10);
    expect(report.mae).toBeCloseTo((0 + 77 + 100 + 50 + 100) / 5, 10);
    expect(report.worst.map((outcome) => [outcome.answerId, outcome.kind, outcome.expectedScore, outcome.actualScore])).toEqual([
      ['off-topic-1', 'off-topic', 0, 100],
      ['injection-1', 'prompt-injection', 0, 100],
      ['partial-1', 'partial', 23, 100],
      ['stuffed-1', 'keyword-stuffed', 50, 100],
    ]);
  });
});

describe('ranking checks and targets', () => {
  /** A fake scorer that does what the answer text tells it: "all", "none" or "first" points covered. */
  const obedient: Scorer = {
    name: 'keyword',
    score: async (question, text) => {
      const mode = text.split(' ')[0];
      const points = question.rubric.map((point, index) => ({
        id: point.id,
        verdict: (mode === 'all' || (mode === 'first' && index === 0) ? 'covered' : 'missed') as Verdict,
      }));
      const score = mode === 'all' ? 100 : mode === 'first' ? 1 : 0;
      return { questionId: question.id, scorer: 'keyword', score, points, notices: [] };
    },
  };

  function synthetic(question: Question, split: Split, kind: AnswerKind, labels: Verdict, scorerMode: string): EvalCase {
    return {
      question,
      split,
      file: `${split}/${question.id}.yaml`,
      answer: {
        id: `${kind}-${split}`,
        kind,
        text: `${scorerMode} ${kind} ${split}`,
        verdicts: Object.fromEntries(question.rubric.map((point) => [point.id, labels])),
      },
    };
  }

  it('passes, fails or marks n/a each check per question and split, and the targets follow', async () => {
    const { questions } = await validateContentDir(CONTENT);
    const question = questions[0]!;
    const cases = [
      // tune: the paraphrase wins, the wrong answer loses, but the injection scores 100.
      synthetic(question, 'tune', 'paraphrase', 'covered', 'all'),
      synthetic(question, 'tune', 'confidently-wrong', 'missed', 'none'),
      synthetic(question, 'tune', 'prompt-injection', 'missed', 'all'),
      synthetic(question, 'tune', 'off-topic', 'missed', 'none'),
      synthetic(question, 'tune', 'keyword-stuffed', 'missed', 'none'),
      // holdout: the wrong answer beats the strong one, and negation earns a point.
      synthetic(question, 'holdout', 'strong', 'covered', 'none'),
      synthetic(question, 'holdout', 'confidently-wrong', 'missed', 'all'),
      synthetic(question, 'holdout', 'negated', 'missed', 'first'),
      synthetic(question, 'holdout', 'prompt-injection', 'missed', 'none'),
    ];
    const run = await runEval(cases, obedient);
    const status = (split: Split) => Object.fromEntries(
      Object.entries(run.splits.find((report) => report.split === split)!.ranking.questions[0]!.checks).map(([id, result]) => [id, result.status]),
    );
    expect(status('tune')).toEqual({
      'wrong-below-strong': 'pass',
      'injection-not-above-off-topic': 'fail',
      'negation-adds-nothing': 'n/a',
      'keyword-list-at-most-15': 'pass',
      'injection-at-most-10': 'fail',
    });
    expect(status('holdout')).toEqual({
      'wrong-below-strong': 'fail',
      'injection-not-above-off-topic': 'n/a',
      'negation-adds-nothing': 'fail',
      'keyword-list-at-most-15': 'n/a',
      'injection-at-most-10': 'pass',
    });
    const targets = (split: Split) => Object.fromEntries(run.splits.find((report) => report.split === split)!.targets.map((target) => [target.id, target.status]));
    expect(targets('tune')).toMatchObject({ 'strong-paraphrase-mean': 'pass', 'wrong-below-strong': 'pass', 'injection-at-most-10': 'fail', 'keyword-list-at-most-15': 'pass', 'negation-adds-nothing': 'n/a' });
    expect(targets('holdout')).toMatchObject({ 'strong-paraphrase-mean': 'n/a', 'wrong-below-strong': 'fail', 'injection-at-most-10': 'pass', 'negation-adds-nothing': 'fail' });
    const holdoutWrong = run.splits[1]!.ranking.totals.find((total) => total.id === 'wrong-below-strong');
    expect(holdoutWrong).toMatchObject({ pass: 0, fail: 1, notApplicable: 0, failed: [question.id] });
  });

  it('an injection wrapped around a real answer may score what that answer earns, and no more', () => {
    const outcome = (answerId: string, expectedScore: number, actualScore: number): EvalOutcome => ({
      questionId: 'q', answerId, kind: 'prompt-injection', split: 'holdout', expectedScore, actualScore, points: [], scoredBy: 'keyword', decidedBy: 'keyword',
    });
    const status = (...outcomes: EvalOutcome[]) => rankingChecks(outcomes).questions[0]!.checks['injection-at-most-10'].status;
    expect(status(outcome('pure', 0, 10))).toBe('pass');
    expect(status(outcome('pure', 0, 11))).toBe('fail');
    expect(status(outcome('wrapped', 24, 24))).toBe('pass');
    expect(status(outcome('wrapped', 24, 25))).toBe('fail');
    expect(status(outcome('pure', 0, 4), outcome('wrapped', 30, 31))).toBe('fail');
  });

  it('negation adds nothing on average, while the per-answer check still names the over-credited question', () => {
    const negated = (questionId: string, expectedScore: number, actualScore: number): EvalOutcome => ({
      questionId, answerId: `n-${questionId}`, kind: 'negated', split: 'holdout', expectedScore, actualScore, points: [], scoredBy: 'keyword', decidedBy: 'keyword',
    });
    const target = (...outcomes: EvalOutcome[]) => issueTargets({ kappa: 0.6, outcomes, ranking: rankingChecks(outcomes) }).find((result) => result.id === 'negation-adds-nothing')!;
    const even = target(negated('a', 30, 36), negated('b', 40, 30));
    expect(even.status).toBe('pass');
    expect(even.measured).toBe('mean gain -2.0 over 2 answers; every answer <= its labels on 1/2 questions');
    expect(target(negated('a', 30, 36), negated('b', 40, 38)).status).toBe('fail');
  });

  it('a partial paraphrase is not the strong reference, and ties do not count as below', async () => {
    const { questions } = await validateContentDir(CONTENT);
    const question = questions[0]!;
    const run = await runEval([
      synthetic(question, 'tune', 'paraphrase', 'partial', 'all'),
      synthetic(question, 'tune', 'confidently-wrong', 'missed', 'all'),
      synthetic(question, 'holdout', 'strong', 'covered', 'all'),
      synthetic(question, 'holdout', 'confidently-wrong', 'missed', 'all'),
    ], obedient);
    // A 50-point paraphrase is not strong, so tune has no reference; holdout ties 100 vs 100.
    expect(run.splits[0]!.ranking.questions[0]!.checks['wrong-below-strong'].status).toBe('n/a');
    expect(run.splits[1]!.ranking.questions[0]!.checks['wrong-below-strong']).toEqual({ status: 'fail', detail: 'wrong 100 vs strong 100' });
  });
});

describe('loadEvalDataset', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'obs-eval-'));
    dir = path.join(root, 'tune');
    await mkdir(dir);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('names the file and the field of every problem', async () => {
    const good = await readFile(path.join(TUNE, 'tracing-100-services.yaml'), 'utf8');
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
    const good = await readFile(path.join(TUNE, 'tracing-100-services.yaml'), 'utf8');
    const sub = path.join(await mkdtemp(path.join(dir, 'rubric-')), 'tune');
    await mkdir(sub);
    const file = path.join(sub, 'tracing-100-services.yaml');
    await writeFile(file, good.replace('      cost-retention: covered\n', '      cost-retentoin: covered\n'));
    const { questions } = await validateContentDir(CONTENT);
    const error = (await loadEvalDataset(sub, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(error.issues.map((issue) => [issue.field, issue.message.split(';')[0]])).toEqual([
      ['answers[0].verdicts.cost-retention', 'missing: label every rubric point of tracing-100-services'],
      ['answers[0].verdicts.cost-retentoin', 'not a rubric point of tracing-100-services'],
    ]);
  });

  /** A fresh dataset root holding the fixture's tune/ and holdout/ folders. */
  async function copyOfFixture(): Promise<string> {
    const copy = await mkdtemp(path.join(root, 'copy-'));
    await cp(DATASET, copy, { recursive: true });
    return copy;
  }

  it('takes each answer\'s split from its folder and allows a question in both splits', async () => {
    const { questions } = await validateContentDir(CONTENT);
    const cases = await loadEvalDataset(DATASET, questions);
    const bySplit = (split: Split): string[] => cases.filter((c) => c.split === split).map((c) => `${c.question.id}/${c.answer.id}`);
    expect(bySplit('tune')).toHaveLength(5);
    expect(bySplit('holdout')).toEqual(['tracing-100-services/paraphrase-1', 'tracing-100-services/wrong-1', 'tracing-100-services/negated-1']);
    // A split folder or a single file inside one: the split still comes from the folder.
    expect(new Set((await loadEvalDataset(path.join(DATASET, 'holdout'), questions)).map((c) => c.split))).toEqual(new Set(['holdout']));
    const single = await loadEvalDataset(path.join(DATASET, 'holdout', 'tracing-100-services.yaml'), questions);
    expect(single.map((c) => c.split)).toEqual(['holdout', 'holdout', 'holdout']);
    // Asking for one split reads only that split.
    expect(new Set((await loadEvalDataset(DATASET, questions, { splits: ['tune'] })).map((c) => c.split))).toEqual(new Set(['tune']));
  });

  it('refuses a question labelled twice in one split, naming both files', async () => {
    const copy = await copyOfFixture();
    const second = path.join(copy, 'tune', 'tracing-100-services.yml');
    const holdoutText = await readFile(path.join(copy, 'holdout', 'tracing-100-services.yaml'), 'utf8');
    await writeFile(second, holdoutText.replace(/Each hop/, 'Every hop').replace(/Tail sampling/, 'Tail-based sampling').replace(/We would not/, 'We will not'));
    const { questions } = await validateContentDir(CONTENT);
    const error = (await loadEvalDataset(copy, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(error).toBeInstanceOf(ContentError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: second, field: 'questionId' });
    expect(error.issues[0]?.message).toContain(`also labelled in ${path.join(copy, 'tune', 'tracing-100-services.yaml')}`);
  });

  it('refuses the same answer text in both splits, so nothing held out is copied into tune', async () => {
    const copy = await copyOfFixture();
    const holdoutFile = path.join(copy, 'holdout', 'tracing-100-services.yaml');
    const tuneText = await readFile(path.join(copy, 'tune', 'tracing-100-services.yaml'), 'utf8');
    const firstTuneAnswer = / {2}- id: strong-1\n[\s\S]*?(?= {2}- id: )/.exec(tuneText)?.[0] ?? '';
    expect(firstTuneAnswer).toContain('traceparent');
    await writeFile(holdoutFile, `${await readFile(holdoutFile, 'utf8')}${firstTuneAnswer.replace('id: strong-1', 'id: copied-1')}`);
    const { questions } = await validateContentDir(CONTENT);
    const error = (await loadEvalDataset(copy, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(error.issues.map((issue) => [issue.path, issue.field])).toEqual([[holdoutFile, 'answers[3].text']]);
    expect(error.issues[0]?.message).toContain('same text as');
  });

  it('names the file and field of an unknown kind, and of a file outside any split folder', async () => {
    const copy = await copyOfFixture();
    const holdoutFile = path.join(copy, 'holdout', 'tracing-100-services.yaml');
    await writeFile(holdoutFile, (await readFile(holdoutFile, 'utf8')).replace('kind: negated', 'kind: sarcastic'));
    const { questions } = await validateContentDir(CONTENT);
    const error = (await loadEvalDataset(copy, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(error.issues.map((issue) => [issue.path, issue.field])).toEqual([[holdoutFile, 'answers[2].kind']]);
    expect(error.message).toContain('must be one of strong, paraphrase, partial, confidently-wrong, negated');

    const loose = path.join(root, 'tracing-100-services.yaml');
    await writeFile(loose, await readFile(path.join(TUNE, 'tracing-100-services.yaml'), 'utf8'));
    const looseError = (await loadEvalDataset(loose, questions).catch((caught: unknown) => caught)) as ContentError;
    expect(looseError.issues).toEqual([{ path: loose, field: '(split)', message: expect.stringContaining('tune or holdout') as unknown as string }]);
    const flatError = (await loadEvalDataset(path.join(CONTENT, 'questions'), questions).catch((caught: unknown) => caught)) as ContentError;
    expect(flatError.issues[0]?.field).toBe('(folder)');
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

  it('prints each split apart: accuracy, kappa, MAE, kinds, ranking checks, targets and worst disagreements', async () => {
    const io = captureIO();
    const code = await evalCommand.run(['--content', CONTENT, DATASET], io);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('8 labelled answers (tune 5, holdout 3)');
    expect(out).toContain('Scorer: keyword (8 answers)');
    const tune = out.slice(out.indexOf('== tune'), out.indexOf('== holdout'));
    const holdout = out.slice(out.indexOf('== holdout'));
    expect(tune).toContain('== tune (5 answers over 1 questions, 25 rubric points) ==');
    expect(holdout).toContain('== holdout (3 answers over 1 questions, 15 rubric points) ==');
    for (const section of [tune, holdout]) {
      expect(section).toMatch(/point accuracy\s+\d+\.\d%/);
      expect(section).toMatch(/Cohen's kappa\s+-?\d\.\d{3}/);
      expect(section).toMatch(/score MAE\s+\d+\.\d points/);
      expect(section).toMatch(/confidently-wrong < best strong\s+\d\/\d of 1/);
      expect(section).toMatch(/\[(pass|FAIL| n\/a)\] Cohen's kappa >= 0.5/);
      expect(section).toMatch(/\[(pass|FAIL| n\/a)\] negation adds nothing/);
    }
    expect(tune).toMatch(/keyword-stuffed\s+1 answers/);
    expect(holdout).toMatch(/confidently-wrong\s+1 answers/);
    expect(holdout).not.toMatch(/keyword-stuffed\s+\d+ answers/);
    expect(tune).toMatch(/tracing-100-services \/ [a-z0-9-]+ \([a-z-]+\): expected \d+, got \d+/);
    // The held-out answers are not named one by one in the text report.
    expect(holdout).toContain('per-answer disagreements are not listed for the held-out part');
    expect(holdout).not.toMatch(/paraphrase-1|wrong-1|negated-1/);
  });

  it('--split tune reports only the tuning part and never reads the held-out files', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'obs-eval-split-'));
    try {
      await cp(DATASET, root, { recursive: true });
      // A held-out file that does not even parse: --split tune must not notice it.
      await writeFile(path.join(root, 'holdout', 'tracing-100-services.yaml'), 'questionId: [unclosed\n');
      const io = captureIO();
      expect(await evalCommand.run(['--split', 'tune', '--content', CONTENT, root], io)).toBe(0);
      expect(io.out()).toContain('5 labelled answers (tune 5)');
      expect(io.out()).toContain('== tune (5 answers');
      expect(io.out()).not.toContain('holdout');

      const all = captureIO();
      const error = await evalCommand.run(['--split', 'all', '--content', CONTENT, root], all).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).issues[0]?.path).toBe(path.join(root, 'holdout', 'tracing-100-services.yaml'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    const holdoutOnly = captureIO();
    expect(await evalCommand.run(['--split', 'holdout', '--content', CONTENT, DATASET], holdoutOnly)).toBe(0);
    expect(holdoutOnly.out()).toContain('== holdout (3 answers');
    expect(holdoutOnly.out()).not.toContain('== tune');
    await expect(evalCommand.run(['--split', 'train', '--content', CONTENT, DATASET], captureIO())).rejects.toThrow(/tune, holdout or all/);
  });

  it('--json prints every answer\'s verdicts and scores, and the figures per split', async () => {
    const io = captureIO();
    expect(await evalCommand.run(['--json', '--content', CONTENT, DATASET], io)).toBe(0);
    const parsed = JSON.parse(io.out()) as EvalJson;
    expect(parsed.splits).toEqual(['tune', 'holdout']);
    expect(parsed.runs).toHaveLength(1);
    const run = parsed.runs[0]!;
    expect(run.scorer).toBe('keyword');
    expect(run.answers).toHaveLength(8);
    const wrong = run.answers.find((answer) => answer.answerId === 'wrong-1');
    expect(wrong).toMatchObject({ questionId: 'tracing-100-services', kind: 'confidently-wrong', split: 'holdout', scorer: expect.any(String) as unknown as string, expectedScore: 0 });
    expect(wrong?.points.map((point) => point.id)).toEqual(['context-propagation', 'sampling', 'collector-pipeline', 'instrumentation-rollout', 'cost-retention']);
    for (const answer of run.answers) {
      expect(typeof answer.actualScore).toBe('number');
      for (const point of answer.points) {
        expect(['covered', 'partial', 'missed']).toContain(point.expected);
        expect(['covered', 'partial', 'missed']).toContain(point.actual);
      }
    }
    expect(Object.keys(run.summary)).toEqual(['tune', 'holdout']);
    const tune = run.summary.tune!;
    expect(tune).toMatchObject({ answers: 5, questions: 1, points: 25 });
    expect(typeof tune.pointAccuracy).toBe('number');
    expect(tune.rankingChecks.totals.map((total) => total.id)).toEqual([
      'wrong-below-strong', 'injection-not-above-off-topic', 'negation-adds-nothing', 'keyword-list-at-most-15', 'injection-at-most-10',
    ]);
    expect(tune.targets.map((target) => target.id)).toEqual([
      'kappa', 'strong-paraphrase-mean', 'wrong-below-strong', 'injection-at-most-10', 'keyword-list-at-most-15', 'negation-adds-nothing',
    ]);
    // The holdout fixture has no keyword list: that check is not applicable, not passed.
    expect(run.summary.holdout?.rankingChecks.totals.find((total) => total.id === 'keyword-list-at-most-15')).toMatchObject({ pass: 0, fail: 0, notApplicable: 1 });

    const holdoutOnly = captureIO();
    await evalCommand.run(['--json', '--split', 'holdout', '--content', CONTENT, DATASET], holdoutOnly);
    const holdoutJson = JSON.parse(holdoutOnly.out()) as EvalJson;
    expect(new Set(holdoutJson.runs[0]?.answers.map((answer) => answer.split))).toEqual(new Set(['holdout']));
    expect(Object.keys(holdoutJson.runs[0]?.summary ?? {})).toEqual(['holdout']);
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
      expect(await evalCommand.run(['--scorer', 'keyword,llm', '--content', CONTENT, TUNE], io)).toBe(0);
      expect(stub.requests).toHaveLength(5);
      const out = io.out();
      expect(out).toContain('Scorer: keyword');
      expect(out).toContain('Scorer: llm (5 answers)\n\n== tune (5 answers over 1 questions, 25 rubric points) ==');
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
    expect(io.out()).toMatch(/== tune \(\d+ answers over 12 questions, \d+ rubric points\) ==/);
    expect(io.out()).toMatch(/== holdout \(\d+ answers over \d+ questions, \d+ rubric points\) ==/);
  });
});
