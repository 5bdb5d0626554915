import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNegationCorpus } from '../src/core/eval/negation-corpus.ts';
import type { NegationJson } from '../src/core/eval/negation-json.ts';
import { runCliInProcess } from './helpers/run-cli.ts';

/**
 * The real check runs here, so every outcome must be certain whatever the rules learn later:
 * a plain "would not use" is rejected, and a plain "we use" is kept, so the "missed" passages
 * are plain adoptions labelled rejected on purpose. Held-out passages, caught or missed, must
 * never reach stdout.
 */
const HOLDOUT_MISSED = 'We use tail sampling for the checkout service.';
const HOLDOUT_CAUGHT = 'We would not use exemplars on the payments dashboards.';
const TUNE_MISSED = 'We use span links for the batch consumers.';

const TUNE = `
- text: We would not use tail sampling.
  idea: tail sampling
  rejected: true
- text: ${TUNE_MISSED}
  idea: span links
  rejected: true
- text: We use tail sampling for errors.
  idea: tail sampling
  rejected: false
`;
const HOLDOUT = `
- text: ${HOLDOUT_MISSED}
  idea: tail sampling
  rejected: true
- text: ${HOLDOUT_CAUGHT}
  idea: exemplars
  rejected: true
`;

let content: string;

beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), 'obs-eval-negation-'));
  await mkdir(path.join(content, 'negation'));
  await writeFile(path.join(content, 'negation', 'tune.yaml'), TUNE);
  await writeFile(path.join(content, 'negation', 'holdout.yaml'), HOLDOUT);
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

describe('obs-bot eval negation', () => {
  it('prints one block per split; lists tune misses, never a held-out passage', async () => {
    const run = await runCliInProcess(['eval', 'negation', '--content', content]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('== tune: 3 passages');
    expect(run.stdout).toContain('rejected ideas  2, detected 1, recall 50.0%');
    expect(run.stdout).toContain('kept ideas      1, wrongly rejected 0, false-rejection rate 0.0%');
    expect(run.stdout).toContain('[1] We use «span links» for the batch consumers.');
    expect(run.stdout).toContain('== holdout: 2 passages');
    expect(run.stdout).toContain('rejected ideas  2, detected 1, recall 50.0%\n  kept ideas      0, wrongly rejected 0, false-rejection rate n/a');
    for (const held of [HOLDOUT_MISSED, HOLDOUT_CAUGHT, 'use «tail sampling» for the checkout', 'payments dashboards']) expect(run.stdout).not.toContain(held);
  });

  it('--split holdout prints only the held-out block', async () => {
    const run = await runCliInProcess(['eval', 'negation', '--split', 'holdout', '--content', content]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('== holdout: 2 passages');
    expect(run.stdout).not.toContain('== tune');
    expect(run.stdout).not.toContain(TUNE_MISSED);
  });

  it('--json gives figures per split, and passage ids for tune only', async () => {
    const run = await runCliInProcess(['eval', 'negation', '--json', '--content', content]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as NegationJson;
    expect(json.splits).toEqual([
      expect.objectContaining({ split: 'tune', present: true, rejected: 2, detected: 1, recall: 0.5, kept: 1, wronglyRejected: 0, falseRejectionRate: 0, missedIds: [1], wronglyRejectedIds: [] }),
      { split: 'holdout', file: path.join(content, 'negation', 'holdout.yaml'), present: true, passages: 2, rejected: 2, detected: 1, recall: 0.5, kept: 0, wronglyRejected: 0, falseRejectionRate: null },
    ]);
    expect(run.stdout).not.toContain(HOLDOUT_MISSED);
  });

  it('a split without its file is reported absent, exit 0', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'obs-eval-negation-'));
    try {
      await mkdir(path.join(other, 'negation'));
      await writeFile(path.join(other, 'negation', 'holdout.yaml'), HOLDOUT);
      const run = await runCliInProcess(['eval', 'negation', '--content', other]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`== tune: absent (no ${path.join(other, 'negation', 'tune.yaml')}) ==`);
      expect(run.stdout).toContain('== holdout: 2 passages');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('a refused corpus exits 1 with file and field on stderr', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'obs-eval-negation-'));
    try {
      await mkdir(path.join(other, 'negation'));
      await writeFile(path.join(other, 'negation', 'holdout.yaml'), '- { text: We do x., idea: y, rejected: true }\n');
      const run = await runCliInProcess(['eval', 'negation', '--content', other]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`${path.join(other, 'negation', 'holdout.yaml')}: [0].idea: not found verbatim in text\n`);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('on the real corpus: prints both splits and not one held-out text', async () => {
    const run = await runCliInProcess(['eval', 'negation', '--content', 'content']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/== tune: \d+ passages/);
    expect(run.stdout).toMatch(/== holdout: \d+ passages/);
    const [holdout] = await loadNegationCorpus('content/negation', ['holdout']);
    const texts = holdout?.present ? holdout.items.map((item) => item.text.replace(/\s+/g, ' ').trim()) : [];
    expect(texts.length).toBeGreaterThan(0);
    const leaked = texts.filter((text) => run.stdout.includes(text) || run.stdout.includes(text.slice(0, 40)));
    expect(leaked).toEqual([]);
  });
});

describe('obs-bot eval next to eval negation', () => {
  it('still takes a DATASET positional', async () => {
    const run = await runCliInProcess(['eval', '--scorer', 'keyword', '--split', 'tune', '--content', 'test/fixtures/llm-eval/content', 'test/fixtures/llm-eval/dataset']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dataset test/fixtures/llm-eval/dataset');
    expect(run.stdout).toContain('== tune');
  });

  it('says where "negation" goes when it follows an option', async () => {
    const run = await runCliInProcess(['eval', '--json', 'negation']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('obs-bot eval negation [options]');
  });
});
