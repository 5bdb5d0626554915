import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContentDir } from '../src/core/content/load.ts';

/* A file that cannot be read is one more reported problem, named by its path, not an exception. */
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('unreadable content files', () => {
  it('reports a question file it cannot read as "(file): cannot read", with the others still checked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'obs-content-'));
    made.push(dir);
    // A folder named like a question file: listed by readdir, refused by readFile (EISDIR).
    const unreadable = path.join(dir, 'questions', 'broken.yaml');
    await mkdir(unreadable, { recursive: true });
    const result = await validateContentDir(dir, { lint: false });
    expect(result.issues).toContainEqual({ path: unreadable, field: '(file)', message: 'cannot read: EISDIR' });
    // pacing.yaml is missing too: reported beside it, not hidden by the first problem.
    expect(result.issues.some((issue) => issue.path.endsWith('pacing.yaml'))).toBe(true);
  });
});
