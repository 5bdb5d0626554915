import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { formatFieldPath, zodIssuesToContentIssues } from '../content/issues.ts';
import { readTextOrReport } from '../content/read-text.ts';
import { ContentError, type ContentIssue } from '../errors.ts';
import type { Split } from './dataset-schema.ts';
import { normaliseText } from './load-dataset.ts';

/**
 * The negation corpus (content/negation/tune.yaml and holdout.yaml): short passages, each
 * naming one idea verbatim and labelled by a person with whether the speaker rejects it
 * (dismisses, defers, rules it out) or adopts it. It measures the keyword scorer's negation
 * rules on their own, apart from the rubric's evidence lists. Strict like every content file,
 * so a typo fails loudly instead of quietly measuring something else.
 */

/** Not trimmed: the passage is measured exactly as written, and the idea must match it verbatim. */
const nonBlank = z.string().refine((value) => value.trim().length > 0, 'must not be empty');

export const negationItemSchema = z.strictObject({
  text: nonBlank,
  /** A verbatim piece of `text`: the span whose rejection is asked about. */
  idea: nonBlank,
  /** true: the speaker rejects, dismisses or defers the idea; false: adopts it. */
  rejected: z.boolean({ error: 'must be true or false' }),
});
export type NegationItem = z.infer<typeof negationItemSchema>;

export const negationFileSchema = z.array(negationItemSchema, { error: 'must be a list of { text, idea, rejected }' }).min(1, 'needs at least one passage');

/** A split whose file does not exist yet is absent, not an error: the parts are written apart. */
export type NegationSplit =
  | { split: Split; file: string; present: false }
  | { split: Split; file: string; present: true; items: NegationItem[] };

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    // Anything but "no such file" is read below and reported as unreadable.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

/** The items of one file, or undefined after recording why not. */
async function readItems(file: string, issues: ContentIssue[]): Promise<NegationItem[] | undefined> {
  const text = await readTextOrReport(file, issues);
  if (text === undefined) return undefined;
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    for (const yamlError of document.errors) {
      const line = yamlError.linePos?.[0]?.line;
      issues.push({ path: file, field: '(yaml)', message: `${line ? `line ${line}: ` : ''}${yamlError.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const parsed = negationFileSchema.safeParse(document.toJS());
  if (!parsed.success) {
    issues.push(...zodIssuesToContentIssues(file, parsed.error));
    return undefined;
  }
  return parsed.data;
}

/**
 * Reads `<dir>/tune.yaml` and `<dir>/holdout.yaml`, only the splits asked for (so `--split tune`
 * never opens the held-out file, as in the answer eval). Every problem in every file is
 * collected, then thrown at once as a ContentError naming file and field. Refused: an idea
 * not found verbatim in its text, an empty text or idea, unknown keys, and the same text twice
 * in the files read (whitespace and case aside), within one file or across the two, so a
 * held-out passage cannot be copied into the tuning part unnoticed.
 */
export async function loadNegationCorpus(dir: string, splits: readonly Split[]): Promise<NegationSplit[]> {
  const issues: ContentIssue[] = [];
  if (!(await isDirectory(dir))) {
    throw new ContentError([{ path: dir, field: '(folder)', message: 'not found: the negation corpus lives in <content>/negation (tune.yaml, holdout.yaml)' }]);
  }
  const result: NegationSplit[] = [];
  const whereText = new Map<string, string>();
  for (const split of splits) {
    const file = path.join(dir, `${split}.yaml`);
    if (!(await fileExists(file))) {
      result.push({ split, file, present: false });
      continue;
    }
    const items = await readItems(file, issues);
    if (!items) continue;
    items.forEach((item, index) => {
      if (!item.text.includes(item.idea)) {
        issues.push({ path: file, field: formatFieldPath([index, 'idea']), message: 'not found verbatim in text' });
      }
      const key = normaliseText(item.text);
      const first = whereText.get(key);
      if (first) issues.push({ path: file, field: formatFieldPath([index, 'text']), message: `same text as ${first}` });
      else whereText.set(key, `${file} ${formatFieldPath([index])}`);
    });
    result.push({ split, file, present: true, items });
  }
  if (issues.length > 0) throw new ContentError(issues);
  return result;
}
