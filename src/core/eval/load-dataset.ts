import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Question } from '../content/schema.ts';
import { formatFieldPath, zodIssuesToContentIssues } from '../content/issues.ts';
import { ContentError, type ContentIssue } from '../errors.ts';
import { evalFileSchema, type EvalAnswer } from './dataset-schema.ts';

/** One labelled answer, joined to its question. */
export interface EvalCase {
  question: Question;
  answer: EvalAnswer;
  file: string;
}

async function datasetFiles(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new ContentError([{ path: target, field: '(file)', message: 'not found: pass a dataset folder or a .yaml file' }]);
  }
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((name) => /\.ya?ml$/.test(name)).sort();
  if (names.length === 0) throw new ContentError([{ path: target, field: '(folder)', message: 'holds no .yaml dataset files' }]);
  return names.map((name) => path.join(target, name));
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

/**
 * Loads a dataset folder (or one file) against the loaded questions. Every problem in every
 * file is collected, then reported at once as a ContentError naming file and field.
 */
export async function loadEvalDataset(target: string, questions: readonly Question[]): Promise<EvalCase[]> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const issues: ContentIssue[] = [];
  const cases: EvalCase[] = [];
  const fileForQuestion = new Map<string, string>();

  for (const file of await datasetFiles(target)) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      issues.push({ path: file, field: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
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
    const earlier = fileForQuestion.get(questionId);
    if (earlier) issues.push({ path: file, field: 'questionId', message: `also labelled in ${earlier}` });
    fileForQuestion.set(questionId, file);

    const seenAnswers = new Set<string>();
    answers.forEach((answer, index) => {
      if (seenAnswers.has(answer.id)) issues.push({ path: file, field: formatFieldPath(['answers', index, 'id']), message: `duplicate answer id "${answer.id}"` });
      seenAnswers.add(answer.id);
      checkAgainstRubric(file, index, answer, question, issues);
      cases.push({ question, answer, file });
    });
  }

  if (issues.length > 0) throw new ContentError(issues);
  return cases;
}
