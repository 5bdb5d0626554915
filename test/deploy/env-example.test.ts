import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * .env.example must list every variable the code reads, each with a comment line above it,
 * so a new deployment can be configured from that one file. The variables are found in the
 * sources themselves (quoted names, `env.NAME`, and the LLM settings' schema keys), so a new
 * variable without an entry fails here.
 */
const root = resolve(import.meta.dirname, '../..');
const PREFIXES = ['SLACK', 'DISCORD', 'OBS', 'OPENAI', 'REDIS', 'LOG', 'SESSION', 'PORT', 'METRICS', 'OTEL', 'SHUTDOWN', 'ANSWER'];
const NAME = `(?:${PREFIXES.join('|')})(?:_[A-Z0-9]+)*`;
const PATTERNS = [new RegExp(`['"](${NAME})['"]`, 'g'), new RegExp(`\\benv\\.(${NAME})\\b`, 'g'), new RegExp(`^\\s+(${NAME}): `, 'gm')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function variablesReadBySources(): Set<string> {
  const names = new Set<string>();
  for (const file of ['src', 'workers', 'bin'].flatMap((dir) => sourceFiles(resolve(root, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) for (const match of text.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

function exampleEntries(): Map<string, { commented: boolean }> {
  const lines = readFileSync(resolve(root, '.env.example'), 'utf8').split('\n');
  const entries = new Map<string, { commented: boolean }>();
  lines.forEach((line, index) => {
    const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
    if (match) entries.set(match[1]!, { commented: (lines[index - 1] ?? '').startsWith('#') });
  });
  return entries;
}

describe('.env.example', () => {
  const used = variablesReadBySources();
  const listed = exampleEntries();

  it('finds the variables the sources read (the scan works)', () => {
    for (const name of ['SLACK_BOT_TOKEN', 'REDIS_URL', 'PORT', 'OBS_LLM_MODEL', 'OBS_QUEUE_PREFIX']) expect(used, name).toContain(name);
  });

  it('lists every variable the sources read', () => {
    expect([...used].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('gives every variable a comment line', () => {
    expect([...listed].filter(([, entry]) => !entry.commented).map(([name]) => name)).toEqual([]);
  });

  it('holds no real secret values', () => {
    const text = readFileSync(resolve(root, '.env.example'), 'utf8');
    expect(text).not.toMatch(/^[A-Z_]*(?:TOKEN|SECRET|KEY)=\S+/m);
  });
});
