import { readFile } from 'node:fs/promises';
import type { ContentIssue } from '../errors.ts';

/**
 * A content file's text, or undefined with a "cannot read" issue naming the file: an unreadable
 * file is one more problem in the report, never an exception that hides the others.
 */
export async function readTextOrReport(file: string, issues: ContentIssue[]): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    issues.push({ path: file, field: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  }
}
