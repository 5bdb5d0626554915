import type { z } from 'zod';
import type { ContentIssue } from '../errors.ts';

/** Turns a zod path such as ['rubric', 2, 'evidence'] into "rubric[2].evidence". */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function zodIssuesToContentIssues(file: string, error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({
    path: file,
    field: formatFieldPath(issue.path),
    message: issue.message,
  }));
}
