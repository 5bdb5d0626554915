import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = /from\s+['"](@slack\/[^'"]*|discord\.js|bullmq|ioredis|openai(\/[^'"]*)?)['"]|import\(\s*['"](@slack\/|discord\.js|bullmq|ioredis|openai)/;
const ADAPTER_IMPORT = /from\s+['"][^'"]*\/(adapters|queue|infra)\/[^'"]*['"]|from\s+['"][^'"]*\.\.\/\.\.\/workers/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sourceFiles(full) : Promise.resolve(full.endsWith('.ts') ? [full] : []);
    }),
  );
  return nested.flat();
}

describe('src/core stays platform-neutral', () => {
  it('imports no platform SDK, queue or Redis client, and no adapter', async () => {
    const files = await sourceFiles('src/core');
    expect(files.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (FORBIDDEN.test(text) || ADAPTER_IMPORT.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    expect(FORBIDDEN.test(`import { Queue } from 'bullmq';`)).toBe(true);
    expect(FORBIDDEN.test(`import type { App } from '@slack/bolt';`)).toBe(true);
    expect(FORBIDDEN.test(`import OpenAI from 'openai';`)).toBe(true);
    expect(ADAPTER_IMPORT.test(`import { x } from '../../adapters/slack/index.ts';`)).toBe(true);
    expect(FORBIDDEN.test(`import { z } from 'zod';`)).toBe(false);
  });
});
