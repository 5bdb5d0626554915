import type { z } from 'zod';
import type { ContentIssue } from '../errors.ts';

/** Turns a zod path such as ['rubric', 2, 'evidence'] into "rubric[2].evidence". */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** zod's default wording for a missing field is "expected string, received undefined". */
function friendlyMessage(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (!missing) return message;
  const expected = missing[1] === 'array' ? 'a list' : missing[1] === 'object' ? 'a mapping of fields' : `a ${missing[1]}`;
  return `is required (expected ${expected})`;
}

export function zodIssuesToContentIssues(file: string, error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({
    path: file,
    field: formatFieldPath(issue.path),
    message: friendlyMessage(issue.message),
  }));
}
