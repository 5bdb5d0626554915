import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Question } from '../content/schema.ts';
import { formatFieldPath, zodIssuesToContentIssues } from '../content/issues.ts';
import { readTextOrReport } from '../content/read-text.ts';
import { ContentError, type ContentIssue } from '../errors.ts';
import { evalFileSchema, isSplit, SPLITS, type EvalAnswer, type Split } from './dataset-schema.ts';

/** One labelled answer, joined to its question, with the split its folder puts it in. */
export interface EvalCase {
  question: Question;
  answer: EvalAnswer;
  split: Split;
  file: string;
}

interface DatasetFile {
  file: string;
  split: Split;
}

async function isDirectory(target: string): Promise<boolean | undefined> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return undefined;
  }
}

async function yamlFilesIn(folder: string, split: Split, issues: ContentIssue[]): Promise<DatasetFile[]> {
  const names = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
  if (names.length === 0) issues.push({ path: folder, field: '(folder)', message: 'holds no .yaml dataset files' });
  return names.map((name) => ({ file: path.join(folder, name), split }));
}

/**
 * Which files to read, and the split of each. The split comes from the folder only:
 * - a dataset root (content/eval): its tune/ and holdout/ sub-folders;
 * - a tune/ or holdout/ folder: that split;
 * - one .yaml file: the split of the folder it sits in.
 * `wanted` limits the splits read, so `--split tune` never even opens the held-out files.
 */
async function datasetFiles(target: string, wanted: readonly Split[], issues: ContentIssue[]): Promise<DatasetFile[]> {
  const directory = await isDirectory(target);
  if (directory === undefined) {
    issues.push({ path: target, field: '(file)', message: 'not found: pass a dataset folder (with tune/ and holdout/), a split folder or a .yaml file' });
    return [];
  }
  const ownSplit = path.basename(directory ? target : path.dirname(target));
  if (!directory) {
    if (!isSplit(ownSplit)) {
      issues.push({ path: target, field: '(split)', message: `must sit in a folder named ${SPLITS.join(' or ')}; the folder decides the split` });
      return [];
    }
    return wanted.includes(ownSplit) ? [{ file: target, split: ownSplit }] : [];
  }
  if (isSplit(ownSplit)) return wanted.includes(ownSplit) ? yamlFilesIn(target, ownSplit, issues) : [];

  const present: Split[] = [];
  for (const split of SPLITS) if (await isDirectory(path.join(target, split))) present.push(split);
  if (present.length === 0) {
    issues.push({ path: target, field: '(folder)', message: `holds no ${SPLITS.map((split) => `${split}/`).join(' or ')} folder; the folder decides each answer's split` });
    return [];
  }
  const files: DatasetFile[] = [];
  for (const split of present) if (wanted.includes(split)) files.push(...(await yamlFilesIn(path.join(target, split), split, issues)));
  return files;
}

/** Labels must name every rubric point of the question, and nothing else. */
function checkAgainstRubric(file: string, index: number, answer: EvalAnswer, question: Question, issues: ContentIssue[]): void {
  const rubricIds = question.rubric.map((point) => point.id);
  const field = (...rest: (string | number)[]): string => formatFieldPath(['answers', index, 'verdicts', ...rest]);
  for (const id of rubricIds) {
    if (!(id in answer.verdicts)) issues.push({ path: file, field: field(id), message: `missing: label every rubric point of ${question.id}` });
  }
  for (const id of Object.keys(answer.verdicts)) {
    if (!rubricIds.includes(id)) issues.push({ path: file, field: field(id), message: `not a rubric point of ${question.id}; valid: ${rubricIds.join(', ')}` });
  }
}

/** Whitespace and case do not make a copied answer new (here, and in the negation corpus). */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface LoadEvalOptions {
  /** Splits to read; default both. */
  splits?: readonly Split[];
}

/**
 * Loads a dataset against the loaded questions. Every problem in every file is collected,
 * then reported at once as a ContentError naming file and field. A question may appear once
 * per split; the same answer text may appear only once in the whole dataset, so nothing held
 * out leaks into the tuning part by copy.
 */
export async function loadEvalDataset(target: string, questions: readonly Question[], options: LoadEvalOptions = {}): Promise<EvalCase[]> {
  const wanted = options.splits ?? SPLITS;
  const byId = new Map(questions.map((question) => [question.id, question]));
  const issues: ContentIssue[] = [];
  const cases: EvalCase[] = [];
  const fileForQuestion = new Map<string, string>();
  const whereText = new Map<string, string>();

  for (const { file, split } of await datasetFiles(target, wanted, issues)) {
    const text = await readTextOrReport(file, issues);
    if (text === undefined) continue;
    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length > 0) {
      for (const yamlError of document.errors) {
        const line = yamlError.linePos?.[0]?.line;
        issues.push({ path: file, field: '(yaml)', message: `${line ? `line ${line}: ` : ''}${yamlError.message.split('\n')[0]}` });
      }
      continue;
    }
    const parsed = evalFileSchema.safeParse(document.toJS());
    if (!parsed.success) {
      issues.push(...zodIssuesToContentIssues(file, parsed.error));
      continue;
    }
    const { questionId, answers } = parsed.data;
    const question = byId.get(questionId);
    if (!question) {
      issues.push({ path: file, field: 'questionId', message: `unknown question "${questionId}"` });
      continue;
    }
    const expectedName = path.basename(file).replace(/\.ya?ml$/, '');
    if (expectedName !== questionId) issues.push({ path: file, field: 'questionId', message: `must match the file name (${expectedName})` });
    const splitKey = `${split}/${questionId}`;
    const earlier = fileForQuestion.get(splitKey);
    if (earlier) issues.push({ path: file, field: 'questionId', message: `also labelled in ${earlier} (a question appears once per split)` });
    fileForQuestion.set(splitKey, file);

    const seenAnswers = new Set<string>();
    answers.forEach((answer, index) => {
      if (seenAnswers.has(answer.id)) issues.push({ path: file, field: formatFieldPath(['answers', index, 'id']), message: `duplicate answer id "${answer.id}"` });
      seenAnswers.add(answer.id);
      const textKey = normaliseText(answer.text);
      const copiedFrom = whereText.get(textKey);
      if (copiedFrom) issues.push({ path: file, field: formatFieldPath(['answers', index, 'text']), message: `same text as ${copiedFrom}` });
      else whereText.set(textKey, `${file} answer "${answer.id}"`);
      checkAgainstRubric(file, index, answer, question, issues);
      cases.push({ question, answer, split, file });
    });
  }

  if (issues.length > 0) throw new ContentError(issues);
  return cases;
}
