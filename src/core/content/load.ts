import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ContentError, type ContentIssue } from '../errors.ts';
import { lintQuestion } from './evidence-lint.ts';
import { readTextOrReport } from './read-text.ts';
import { zodIssuesToContentIssues } from './issues.ts';
import { pacingSchema, questionSchema, type Pacing, type Question } from './schema.ts';
import { QuestionBank } from './question-bank.ts';

/**
 * Content layout:
 *   content/pacing.yaml           the mock-interview phases
 *   content/questions/*.yaml      one question per file
 * Every problem in every file is collected before anything is reported, so an author
 * fixes a folder in one pass instead of one error at a time.
 */
export const QUESTIONS_DIR = 'questions';
export const PACING_FILE = 'pacing.yaml';

export interface ContentLoadResult {
  questions: Question[];
  pacing: Pacing | undefined;
  /** Every problem: schema errors and lint findings. */
  issues: ContentIssue[];
  /** The lint findings among `issues` (evidence-lint.ts): content that loads but scores badly. */
  lintIssues: ContentIssue[];
}

async function parseYamlFile(file: string, issues: ContentIssue[]): Promise<unknown> {
  const text = await readTextOrReport(file, issues);
  return text === undefined ? undefined : parseYamlText(file, text, issues);
}

/** One YAML document's value, or undefined with its problems added to `issues` (one line each). */
function parseYamlText(file: string, text: string, issues: ContentIssue[]): unknown {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    for (const yamlError of document.errors) {
      const line = yamlError.linePos?.[0]?.line;
      // prettyErrors appends a code excerpt after the first line; one line per problem is enough.
      const message = (yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      issues.push({ path: file, field: '(yaml)', message: `${line ? `line ${line}: ` : ''}${message}` });
    }
    return undefined;
  }
  try {
    // Throws on what parsing lets through: an alias to an anchor defined later or nowhere
    // (`*name`), or aliases that would expand without bound.
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    issues.push({ path: file, field: '(yaml)', message });
    return undefined;
  }
}

/**
 * One question file's text: the question, or every problem in it, each naming the file and
 * the field. Pure (the caller reads the file), so it can be checked against any input.
 */
export function parseQuestionText(file: string, text: string): { question: Question; issues: [] } | { question?: undefined; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const raw = parseYamlText(file, text, issues);
  if (raw === undefined) return { issues: issues.length > 0 ? issues : [{ path: file, field: '(file)', message: 'is empty: a question file holds one question' }] };
  return questionFromValue(file, raw);
}

/** The second half of parseQuestionText: a parsed YAML value checked against the question schema. */
export function questionFromValue(file: string, raw: unknown): { question: Question; issues: [] } | { question?: undefined; issues: ContentIssue[] } {
  const parsed = questionSchema.safeParse(raw);
  if (!parsed.success) return { issues: zodIssuesToContentIssues(file, parsed.error) };
  return { question: parsed.data, issues: [] };
}

/** `lint: false` skips the evidence lint (evidence-lint.ts): the running bot doesn't need it. */
export async function validateContentDir(dir: string, options: { lint?: boolean } = {}): Promise<ContentLoadResult> {
  const lint = options.lint ?? true;
  const issues: ContentIssue[] = [];
  const lintIssues: ContentIssue[] = [];
  const questions: Question[] = [];
  const questionsDir = path.join(dir, QUESTIONS_DIR);

  let files: string[] = [];
  try {
    files = (await readdir(questionsDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch {
    issues.push({ path: questionsDir, field: '(folder)', message: 'missing: put one YAML file per question here' });
  }
  if (files.length === 0 && issues.length === 0) {
    issues.push({ path: questionsDir, field: '(folder)', message: 'holds no .yaml question files' });
  }

  const firstFileForId = new Map<string, string>();
  for (const name of files) {
    const file = path.join(questionsDir, name);
    const text = await readTextOrReport(file, issues);
    if (text === undefined) continue;
    const parsed = parseQuestionText(file, text);
    if (!parsed.question) {
      issues.push(...parsed.issues);
      continue;
    }
    const question = parsed.question;
    const earlier = firstFileForId.get(question.id);
    if (earlier) {
      issues.push({ path: file, field: 'id', message: `duplicate id "${question.id}" (also in ${earlier})` });
      continue;
    }
    firstFileForId.set(question.id, file);
    questions.push(question);
    if (lint) for (const finding of lintQuestion(question)) lintIssues.push({ path: file, field: finding.field, message: finding.message });
  }

  let pacing: Pacing | undefined;
  const pacingFile = path.join(dir, PACING_FILE);
  const rawPacing = await parseYamlFile(pacingFile, issues);
  if (rawPacing !== undefined) {
    const parsed = pacingSchema.safeParse(rawPacing);
    if (parsed.success) pacing = parsed.data;
    else issues.push(...zodIssuesToContentIssues(pacingFile, parsed.error));
  }

  return { questions, pacing, issues: [...issues, ...lintIssues], lintIssues };
}

/**
 * Loads a content folder for the running product; any schema problem fails with every issue
 * listed. Lint findings don't stop the bot (the content still scores, only less well):
 * `obs-bot content lint` reports them.
 */
export async function loadQuestionBank(dir: string): Promise<QuestionBank> {
  const result = await validateContentDir(dir, { lint: false });
  if (result.issues.length > 0 || !result.pacing) throw new ContentError(result.issues);
  return new QuestionBank(result.questions, result.pacing);
}
