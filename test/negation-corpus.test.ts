import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentIssue } from '../src/core/errors.ts';
import { formatNegationReport, LISTED_PASSAGES } from '../src/core/eval/format-negation-report.ts';
import { measureNegation, type RejectionDetector } from '../src/core/eval/measure-negation.ts';
import { loadNegationCorpus, type NegationItem, type NegationSplit } from '../src/core/eval/negation-corpus.ts';
import { toNegationJson } from '../src/core/eval/negation-json.ts';
import { ideaRejected } from '../src/core/scoring/keyword/idea-rejected.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obs-negation-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(split: 'tune' | 'holdout', yaml: string): Promise<string> {
  const file = path.join(dir, `${split}.yaml`);
  await writeFile(file, yaml);
  return file;
}

/** The ContentError's issues, or a failed expectation when the load succeeds. */
async function loadIssues(splits: ('tune' | 'holdout')[] = ['tune', 'holdout']): Promise<ContentIssue[]> {
  const error = await loadNegationCorpus(dir, splits).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ContentError);
  return (error as ContentError).issues;
}

const GOOD_TUNE = `
- text: We would not use tail sampling.
  idea: tail sampling
  rejected: true
- text: We use tail sampling for errors.
  idea: tail sampling
  rejected: false
`;

describe('loadNegationCorpus', () => {
  it('reads both files in the order asked, each item as written', async () => {
    const tuneFile = await write('tune', GOOD_TUNE);
    const holdoutFile = await write('holdout', '- { text: "Exemplars? Later.", idea: Exemplars, rejected: true }\n');
    const corpus = await loadNegationCorpus(dir, ['tune', 'holdout']);
    expect(corpus.map((part) => [part.split, part.file, part.present])).toEqual([
      ['tune', tuneFile, true],
      ['holdout', holdoutFile, true],
    ]);
    expect(corpus[0]?.present && corpus[0].items[1]).toEqual({ text: 'We use tail sampling for errors.', idea: 'tail sampling', rejected: false });
  });

  it('reports a split whose file is missing as absent, not as an error', async () => {
    const holdoutFile = await write('holdout', GOOD_TUNE);
    const corpus = await loadNegationCorpus(dir, ['tune', 'holdout']);
    expect(corpus[0]).toEqual({ split: 'tune', file: path.join(dir, 'tune.yaml'), present: false });
    expect(corpus[1]).toMatchObject({ split: 'holdout', file: holdoutFile, present: true });
  });

  it('refuses a corpus folder that does not exist, naming it', async () => {
    const missing = path.join(dir, 'nope');
    await expect(loadNegationCorpus(missing, ['tune'])).rejects.toThrow(`${missing}: (folder): not found`);
  });

  it('refuses an idea not found verbatim in its text (case counts), naming file and field', async () => {
    const file = await write('holdout', `${GOOD_TUNE}- text: We would not use tail sampling here.\n  idea: Tail sampling\n  rejected: true\n`);
    expect(await loadIssues()).toEqual([{ path: file, field: '[2].idea', message: 'not found verbatim in text' }]);
  });

  it('refuses an empty or blank text and idea, naming each field', async () => {
    const file = await write('tune', `- { text: "", idea: x, rejected: true }\n- { text: "We do x.", idea: "  ", rejected: false }\n`);
    const issues = await loadIssues();
    expect(issues).toContainEqual({ path: file, field: '[0].text', message: 'must not be empty' });
    expect(issues).toContainEqual({ path: file, field: '[1].idea', message: 'must not be empty' });
  });

  it('refuses unknown keys, a missing label and a label that is not true or false', async () => {
    const file = await write('tune', `- { text: We do x., idea: x, rejected: true, kind: negated }\n- { text: We do y., idea: y }\n- { text: We do z., idea: z, rejected: "yes" }\n`);
    const issues = await loadIssues();
    expect(issues.find((issue) => issue.field === '[0]')).toMatchObject({ path: file, message: expect.stringContaining('kind') });
    expect(issues.find((issue) => issue.field === '[1].rejected')).toMatchObject({ path: file });
    expect(issues).toContainEqual({ path: file, field: '[2].rejected', message: 'must be true or false' });
  });

  it('refuses a file that is not a list, or not YAML', async () => {
    const tuneFile = await write('tune', 'text: We do x.\nidea: x\nrejected: true\n');
    const holdoutFile = await write('holdout', '- text: [unclosed\n');
    const issues = await loadIssues();
    expect(issues).toContainEqual({ path: tuneFile, field: '(file)', message: 'must be a list of { text, idea, rejected }' });
    expect(issues.find((issue) => issue.path === holdoutFile)?.field).toBe('(yaml)');
  });

  it('refuses the same text twice in one file, whitespace and case aside', async () => {
    const file = await write('tune', `${GOOD_TUNE}- text: "we  would not use TAIL sampling."\n  idea: TAIL sampling\n  rejected: true\n`);
    expect(await loadIssues()).toEqual([{ path: file, field: '[2].text', message: `same text as ${file} [0]` }]);
  });

  it('refuses a text copied across the two files, and collects every problem of both at once', async () => {
    const tuneFile = await write('tune', `${GOOD_TUNE}- { text: We do x., idea: y, rejected: true }\n`);
    const holdoutFile = await write('holdout', '- { text: We use tail sampling for errors., idea: tail sampling, rejected: false }\n');
    expect(await loadIssues()).toEqual([
      { path: tuneFile, field: '[2].idea', message: 'not found verbatim in text' },
      { path: holdoutFile, field: '[0].text', message: `same text as ${tuneFile} [1]` },
    ]);
  });

  it('--split tune never opens the held-out file', async () => {
    await write('tune', GOOD_TUNE);
    await write('holdout', '- text: [unclosed\n');
    const corpus = await loadNegationCorpus(dir, ['tune']);
    expect(corpus.map((part) => part.split)).toEqual(['tune']);
  });
});

function split(name: 'tune' | 'holdout', items: NegationItem[]): NegationSplit {
  return { split: name, file: `${name}.yaml`, present: true, items };
}

/** A stand-in detector whose answer the test decides: rejected when the text says NOT. */
const saysNot: RejectionDetector = (text) => text.includes('NOT');

describe('measureNegation', () => {
  const items: NegationItem[] = [
    { text: 'NOT a', idea: 'a', rejected: true }, // detected
    { text: 'NOT b', idea: 'b', rejected: true }, // detected
    { text: 'skip c', idea: 'c', rejected: true }, // missed
    { text: 'use d', idea: 'd', rejected: false }, // kept
    { text: 'NOT without e', idea: 'e', rejected: false }, // wrongly rejected
  ];

  it('counts rejected, detected, recall, kept, wrongly rejected and the false-rejection rate', () => {
    const [tune] = measureNegation([split('tune', items)], saysNot);
    expect(tune).toMatchObject({
      present: true,
      figures: { passages: 5, rejected: 3, detected: 2, recall: 2 / 3, kept: 2, wronglyRejected: 1, falseRejectionRate: 0.5 },
      listed: { missed: [{ id: 2, text: 'skip c', idea: 'c' }], wronglyRejected: [{ id: 4, text: 'NOT without e', idea: 'e' }] },
    });
  });

  it('keeps no passages for the held-out part, only its counts; an absent split stays absent', () => {
    const absent: NegationSplit = { split: 'tune', file: 'tune.yaml', present: false };
    const [tune, holdout] = measureNegation([absent, split('holdout', items)], saysNot);
    expect(tune).toEqual(absent);
    expect(holdout).toMatchObject({ present: true, figures: { detected: 2, wronglyRejected: 1 } });
    expect(holdout && 'listed' in holdout).toBe(false);
  });

  it('a rate without passages of that label is NaN in figures and null in JSON', () => {
    const results = measureNegation([split('tune', items.slice(0, 3))], saysNot);
    expect(results[0]?.present && results[0].figures.falseRejectionRate).toBeNaN();
    expect(toNegationJson('x', results).splits[0]).toMatchObject({ kept: 0, falseRejectionRate: null, missedIds: [2], wronglyRejectedIds: [] });
  });

  it('with the real ideaRejected: plain refusals are rejected, plain use is kept', () => {
    const passages: NegationItem[] = [
      { text: 'We would not use tail sampling.', idea: 'tail sampling', rejected: true },
      { text: 'We would never run tail sampling.', idea: 'tail sampling', rejected: true },
      { text: 'We use tail sampling for errors.', idea: 'tail sampling', rejected: false },
      { text: 'We keep every error trace with tail sampling.', idea: 'tail sampling', rejected: false },
    ];
    const [tune] = measureNegation([split('tune', passages)], ideaRejected);
    expect(tune).toMatchObject({
      figures: { rejected: 2, detected: 2, recall: 1, kept: 2, wronglyRejected: 0, falseRejectionRate: 0 },
      listed: { missed: [], wronglyRejected: [] },
    });
  });
});

describe('the negation report', () => {
  it(`lists at most ${LISTED_PASSAGES} missed passages of tune, idea marked, and none of holdout`, () => {
    const many = Array.from({ length: LISTED_PASSAGES + 5 }, (_, index) => ({ text: `skip idea${index} now`, idea: `idea${index}`, rejected: true }));
    const held = [{ text: 'held-out skip h', idea: 'h', rejected: true }];
    const report = formatNegationReport('corpus', measureNegation([split('tune', many), split('holdout', held)], saysNot));
    expect(report).toContain(`missed (first ${LISTED_PASSAGES} of ${LISTED_PASSAGES + 5}`);
    expect(report).toContain(`[${LISTED_PASSAGES - 1}] skip «idea${LISTED_PASSAGES - 1}» now`);
    expect(report).not.toContain(`idea${LISTED_PASSAGES} `);
    expect(report).toContain('== holdout: 1 passage (');
    expect(report).toContain('rejected ideas  1, detected 0, recall 0.0%');
    expect(report).not.toContain('held-out skip h');
  });
});
