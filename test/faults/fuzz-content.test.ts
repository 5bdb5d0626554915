import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseQuestionText, questionFromValue } from '../../src/core/content/load.ts';

/**
 * The content loader under fast-check: a real question from content/ with one field set to
 * anything or deleted, and question YAML cut, spliced or garbled. Loading never throws; a
 * file that does not load yields issues that each name the file and a field (the mutated
 * one, or a field that refers to it), in one line, never a stack trace.
 *
 * The YAML library costs 5-12 ms per parse of a real 11 KB question on this loaded machine
 * (load average 10 on 2 cores), so 10,000 runs of the whole file would take minutes. The
 * 10,000-run property checks field mutations after YAML (questionFromValue: the schema and
 * the issue wording, ~13 s here); YAML text mutations run on a short question (2,000 runs,
 * ~2.5 s; 10,000 took 12 s) and on the real file (100 runs). FUZZ_RUNS, FUZZ_TEXT_RUNS and
 * FUZZ_FULL_FILE_RUNS raise them.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const TEXT_RUNS = Number(process.env.FUZZ_TEXT_RUNS ?? 2_000);
const FULL_FILE_RUNS = Number(process.env.FUZZ_FULL_FILE_RUNS ?? 100);
const FILE = 'content/questions/capacity-planning-forecast.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const BASE = parse(TEXT) as Record<string, unknown>;

/** A short valid question: the same file with most of its lists cut down, as YAML text. */
const SHORT_FILE = 'content/questions/short.yaml';
const SHORT_TEXT = stringify({
  id: BASE.id,
  topic: BASE.topic,
  title: 'How would you plan capacity?',
  level: BASE.level,
  summary: 'Plans capacity.',
  followUps: { functional: [], nonFunctional: [] },
  // The schema's minimum: four points, two evidence phrases each, nothing optional.
  rubric: ['a', 'b', 'c', 'd'].map((id) => ({ id, theme: `Point ${id}`, point: `Says ${id}.`, evidence: [`${id} one`, `${id} two`], weight: 1 })),
});

type Path = (string | number)[];

/** Every path into the question: each field, each list item, each nested field. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [[...prefix, key], ...pathsOf(inner, [...prefix, key])]);
  return [];
}
const PATHS = pathsOf(BASE);

function withChange(path: Path, change: { set: unknown } | 'delete'): Record<string, unknown> {
  const copy = structuredClone(BASE);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (change === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  } else parent[last] = change.set;
  return copy;
}

/** Anything YAML can hold: scalars of every type, lists, maps, empty ones. */
const yamlValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, '', [], {}, 0, -1, 1e9, 3.5, true, 'x'.repeat(5_000), '  ', 'staff', 'principal', '(unclosed', 'a|b + c'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

function expectClearIssues(file: string, result: ReturnType<typeof parseQuestionText>): void {
  if (result.question) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toBe(file);
    expect(issue.field.length).toBeGreaterThan(0);
    expect(issue.message.trim().length).toBeGreaterThan(0);
    expect(issue.message).not.toMatch(/\n\s+at |\[object Object\]|undefined is not|Cannot read prop/);
  }
}

function textMutation(text: string) {
  return fc.oneof(
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat({ max: text.length }), fc.string({ unit: 'binary', maxLength: 20 })).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(':', '- ', '\t', '{', '[', '"', "'", '&a ', '*a', '*id', '!!binary ', '!!js/function ', '---\n', '\n  ', '#', '|', '>', '<<: *a\n')).map(([at, token]) => text.slice(0, at) + token + text.slice(at)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 200 })).map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

describe('fuzz: the content loader', () => {
  it('the unmutated files load (the fuzz starts from valid questions)', () => {
    expect(parseQuestionText(FILE, TEXT).question?.id).toBe('capacity-planning-forecast');
    expect(parseQuestionText(SHORT_FILE, SHORT_TEXT).issues).toEqual([]);
  });

  it(`a field set to anything, or deleted (${RUNS} runs): loads, or names the file and that field`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.oneof(yamlValue.map((set) => ({ set })), fc.constant('delete' as const)), (path, change) => {
        const result = questionFromValue(FILE, withChange(path, change));
        expectClearIssues(FILE, result);
        if (!result.question) {
          // Named: the field changed (or the list or object holding it), or a field that refers to it by id.
          const top = String(path[0]);
          const named = result.issues.some((issue) => issue.field === '(file)' || issue.field.startsWith(top) || /not a \w+ point id|valid:/.test(issue.message));
          expect(named, JSON.stringify({ path, issues: result.issues })).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`YAML text of a short question cut, spliced or garbled (${TEXT_RUNS} runs): loads, or names the file and a field, one line each`, () => {
    fc.assert(
      fc.property(textMutation(SHORT_TEXT), (text) => {
        expectClearIssues(SHORT_FILE, parseQuestionText(SHORT_FILE, text));
      }),
      { numRuns: TEXT_RUNS },
    );
  });

  it(`the real file's YAML text mutated (${FULL_FILE_RUNS} runs, through YAML, the schema and the wording)`, () => {
    fc.assert(
      fc.property(textMutation(TEXT), fc.constantFrom(...PATHS), yamlValue, (text, path, value) => {
        expectClearIssues(FILE, parseQuestionText(FILE, text));
        expectClearIssues(FILE, parseQuestionText(FILE, stringify(withChange(path, { set: value }))));
      }),
      { numRuns: FULL_FILE_RUNS },
    );
  });
});
