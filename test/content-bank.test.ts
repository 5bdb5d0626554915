import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { validateContentDir, type ContentLoadResult } from '../src/core/content/load.ts';
import { slug, type Question } from '../src/core/content/schema.ts';
import { compileRubric } from '../src/core/scoring/keyword/compile.ts';
import { normalizeWord, stemWord } from '../src/core/scoring/keyword/normalize.ts';

/**
 * The shipped question bank (content/) and the labelled scorer-eval dataset (content/eval/).
 * Schema validity is the loader's job; this file also guards what the schema cannot see:
 * topic coverage, pacing, house style from PRODUCT.md, originality against the study guide,
 * and that every eval answer is labelled against the current rubric.
 */

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT_DIR = path.join(REPO_ROOT, 'content');
const QUESTIONS_DIR = path.join(CONTENT_DIR, 'questions');
const EVAL_DIR = path.join(CONTENT_DIR, 'eval');
const STUDY_GUIDE = path.resolve(REPO_ROOT, '../shared/source/observability-study-guide.md');

const REQUIRED_TOPICS = [
  // The six the study guide covers.
  'tracing',
  'metrics',
  'slo-alerting',
  'logging',
  'performance',
  'business-metrics',
  // The six it lists but never covers.
  'error-tracking',
  'observability-at-scale',
  'incident-response',
  'capacity-planning',
  'dependency-mapping',
  'cost-optimization',
];

const EXPECTED_PHASES = [
  { id: 'requirements', minutes: 5 },
  { id: 'architecture', minutes: 15 },
  { id: 'alerting-slos', minutes: 10 },
  { id: 'operations-cost', minutes: 10 },
];

/** Evidence that every answer contains, so it proves nothing about a rubric point. */
const GENERIC_EVIDENCE = new Set(['system', 'systems', 'data', 'monitoring', 'observability', 'service', 'services', 'metrics', 'logs', 'performance', 'scale', 'design']);

/** A run of this many words shared with the study guide counts as copied. */
const COPY_RUN = 10;

/**
 * Single terms specific enough to evidence a point alone (issue 11): a tool, a protocol field or
 * a term of art that a generic or off-topic answer would not use. Anything else must be a phrase.
 */
const SPECIFIC_TERMS = new Set([
  'traceparent', 'tracestat', 'exemplar', 'hyperloglog', 'tempo', 'thano', 'mimir', 'cortex', 'victoriametric', 'keda', 'hpa',
  'ebpf', 'istio', 'envoy', 'backstag', 'pagerduty', 'opsgeni', 'alertmanager', 'runbook', 'playbook', 'symbolication',
  'dsym', 'fingerprint', 'codeowner', 'breadcrumb', 'flink', 'loki', 'clickhous', 'glacier', 'worm', 'rum', 'lcp', 'inp',
  'ttfb', 'ddsketch', 'catchpoint', 'thousandey', 'mttr', 'mttd', 'showback', 'chargeback', 'finop', 'pushgateway',
  'mimirtool', 'spanmetric', 'servicegraph', 'dbt', 'k6', 'locust', 'gatl', 'prophet', 'chatop', 'blameless',
  'postmortem', 'clickstream', 'fluentd', 'kinesi', 'parquet', 'zstd', 'cmdb', 'strangler', 'deadman', 'bisect',
  'multiwindow', 'opamp', 'prewarm', 'rightsiz', 'rehydrat', 'pareto', 'relabel', 'downsampl', 'anonymis',
]);

/** A rule is groups of alternatives joined by " + "; every alternative non-empty. */
const CONCEPT_RULE = /^[^+|]+(?:\|[^+|]+)*(?: \+ [^+|]+(?:\|[^+|]+)*)+$/;

/** Stems of a text's words, the way concept rules are matched (numbers and % kept). */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}%$.]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean)
    .map((word) => stemWord(normalizeWord(word)));
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((stem, offset) => haystack[start + offset] === stem)) return true;
  }
  return false;
}

/** Whether every group of a concept rule has an alternative in the text (a rough stand-in for the scorer). */
function conceptFires(rule: string, text: string): boolean {
  const words = stems(text);
  return rule.split(' + ').every((group) => group.split('|').some((alternative) => containsRun(words, stems(alternative))));
}

interface MisconceptionExamples {
  wrong: string[];
  right: string[];
}

/** Every eval answer kind (src/core/eval/dataset-schema.ts; docs/eval.md). */
const KINDS = ['strong', 'paraphrase', 'partial', 'confidently-wrong', 'negated', 'off-topic', 'keyword-stuffed', 'prompt-injection'] as const;
/** Kinds every question must have somewhere in its eval files (tune and holdout together). */
const REQUIRED_KINDS = KINDS;
/**
 * The least each split holds per question (docs/eval.md), so every ranking check of `obs-bot
 * eval` (wrong < strong, negation adds nothing, injection and keyword-list ceilings) applies to
 * every question in both parts.
 */
const MIN_PER_SPLIT: Record<(typeof EVAL_SPLITS)[number], Partial<Record<(typeof KINDS)[number], number>>> = {
  tune: { paraphrase: 1, 'confidently-wrong': 1, negated: 1, 'prompt-injection': 1 },
  holdout: { paraphrase: 2, 'confidently-wrong': 1, negated: 1, 'prompt-injection': 1, 'keyword-stuffed': 1 },
};
/** The eval split folders; the folder decides an answer's split. */
const EVAL_SPLITS = ['tune', 'holdout'] as const;
const VERDICTS = ['covered', 'partial', 'missed'] as const;

/** The eval-file format, as specified for the scorer-evaluation dataset. */
const evalFileSchema = z.strictObject({
  questionId: slug,
  answers: z
    .array(
      z.strictObject({
        id: slug,
        kind: z.enum(KINDS),
        text: z.string().trim().min(1),
        verdicts: z.record(z.string(), z.enum(VERDICTS)),
      }),
    )
    .min(1),
});
type EvalFile = z.infer<typeof evalFileSchema>;

async function yamlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(dir, name));
}

/** The eval files of both splits, e.g. content/eval/tune/x.yaml. */
async function evalYamlFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const split of EVAL_SPLITS) {
    const dir = path.join(EVAL_DIR, split);
    if (existsSync(dir)) files.push(...(await yamlFiles(dir)));
  }
  return files;
}

/** Lowercase words with punctuation stripped, so "Tail-based, p99!" and "tail based p99" compare equal. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

/** Every run of `size` consecutive words, joined by single spaces. */
function runs(text: string, size: number): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  for (let index = 0; index + size <= list.length; index += 1) out.add(list.slice(index, index + size).join(' '));
  return out;
}

/** The runs of `size` words that `text` shares with `source`. */
function sharedRuns(text: string, source: Set<string>, size: number = COPY_RUN): string[] {
  return [...runs(text, size)].filter((run) => source.has(run));
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

let loaded: ContentLoadResult;
let questions: Question[];
let byId: Map<string, Question>;

beforeAll(async () => {
  loaded = await validateContentDir(CONTENT_DIR);
  questions = loaded.questions;
  byId = new Map(questions.map((question) => [question.id, question]));
});

/**
 * What makes a prompt-injection answer one: something addressed to whoever grades it, or the
 * rubric's ideas smuggled in where no interviewer would read them as the candidate's answer.
 * A sanity check on labels, not the scorer's detector (src/core/scoring/grader-addressed.ts):
 * a new disguise in the dataset adds its family here.
 */
const INJECTION_ATTEMPT: readonly RegExp[] = [
  // Addressed to a grader, a model or a process, in English.
  /ignore|disregard|override|system prompt|scor(e|ing)|mark|grad(er|ing)|reviewer|evaluator|panel|rubric|calibrat|\bai\b|assess|assistant|verdict|whoever|\bbot\b|\bmodel that\b|benchmark|top-band|strongest candidate|interviewer|criterion|evaluation|confirmed|automation parses|credit the following|as demonstrated/i,
  // ... or in another language (German, Spanish, Italian, Chinese).
  /bewertung|evaluador|valutatore|punteggio|评分|满分/i,
  // Ticks, headings answered "yes", a claim that every theme was covered.
  /[\u2705\u2713\u2714\u2611]|^#{1,6} [^\n]+\n\s*(yes|done|covered)\b|\ball covered\b/im,
  // Someone else's verdict: a debrief form, a platform's summary, test assertions on the answer.
  /\bstrong hire\b|summary generated by|assert covers\(/i,
  // Hidden from a human reader: comments, invisible text, a link title, an abstract's keyword line.
  /<!--|font-size:\s*1px|\]\(https?:[^)\s]+ "|^keywords:/im,
  // Leetspeak.
  /\bm4rk|\bb0t\b/i,
];

describe('content/ question bank', () => {
  it('validates with no issues', () => {
    expect(loaded.issues).toEqual([]);
    expect(loaded.pacing).toBeDefined();
  });

  it('has at least 12 questions across at least 12 topics, including every required topic', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12);
    const topics = new Set(questions.map((question) => question.topic));
    expect(topics.size).toBeGreaterThanOrEqual(12);
    expect(REQUIRED_TOPICS.filter((topic) => !topics.has(topic))).toEqual([]);
  });

  it('gives every question 4 to 8 rubric points', () => {
    const outOfRange = questions.filter((question) => question.rubric.length < 4 || question.rubric.length > 8).map((question) => question.id);
    expect(outOfRange).toEqual([]);
  });

  it('names each question file after its id', async () => {
    const mismatched: string[] = [];
    for (const file of await yamlFiles(QUESTIONS_DIR)) {
      const raw = parse(await readFile(file, 'utf8')) as { id?: unknown };
      if (`${String(raw.id)}.yaml` !== path.basename(file)) mismatched.push(path.basename(file));
    }
    expect(mismatched).toEqual([]);
  });

  it('has the four mock-interview phases, in order, summing to 40 minutes', () => {
    const phases = loaded.pacing?.phases ?? [];
    expect(phases.map((phase) => ({ id: phase.id, minutes: phase.minutes }))).toEqual(EXPECTED_PHASES);
    expect(phases.reduce((sum, phase) => sum + phase.minutes, 0)).toBe(40);
  });
});

describe('content/ house style (PRODUCT.md, "Writing content")', () => {
  it('asks at staff or principal level', () => {
    expect(questions.filter((question) => question.level === 'senior').map((question) => question.id)).toEqual([]);
  });

  it('gives each point 6-12 short, lowercase, specific evidence phrases, none shared with another point', () => {
    const problems: string[] = [];
    for (const question of questions) {
      const owner = new Map<string, string>();
      for (const point of question.rubric) {
        const where = `${question.id}/${point.id}`;
        if (point.evidence.length < 6 || point.evidence.length > 12) problems.push(`${where}: ${point.evidence.length} evidence phrases`);
        for (const phrase of point.evidence) {
          if (phrase !== phrase.toLowerCase()) problems.push(`${where}: "${phrase}" is not lowercase`);
          const count = phrase.split(/\s+/).length;
          if (count > 4) problems.push(`${where}: "${phrase}" has ${count} words`);
          if (GENERIC_EVIDENCE.has(phrase)) problems.push(`${where}: "${phrase}" is too generic to evidence anything`);
          const earlier = owner.get(phrase);
          if (earlier && earlier !== point.id) problems.push(`${where}: "${phrase}" also evidences ${earlier}`);
          owner.set(phrase, point.id);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a probe on every point, 3-4 follow-ups of each kind, two-sided trade-offs and a one-sentence tip', () => {
    const problems: string[] = [];
    for (const question of questions) {
      for (const point of question.rubric) if (!point.probe) problems.push(`${question.id}/${point.id}: no probe`);
      const { functional, nonFunctional } = question.followUps;
      if (functional.length < 3 || functional.length > 4) problems.push(`${question.id}: ${functional.length} functional follow-ups`);
      if (nonFunctional.length < 3 || nonFunctional.length > 4) problems.push(`${question.id}: ${nonFunctional.length} non-functional follow-ups`);
      if (question.tradeOffs.length < 2) problems.push(`${question.id}: fewer than 2 trade-offs`);
      for (const tradeOff of question.tradeOffs) if (!/\S vs \S.*:/.test(tradeOff)) problems.push(`${question.id}: trade-off does not read "X vs Y: ...": ${tradeOff}`);
      const sentenceEnds = question.tip.match(/[.!?](\s|$)/g) ?? [];
      if (sentenceEnds.length !== 1) problems.push(`${question.id}: tip should be one sentence`);
    }
    expect(problems).toEqual([]);
  });
});

describe('content/ interviewer material (issues 8 and 11)', () => {
  it('gives every question 3 to 6 requirements, each with evidence and at least one concept', () => {
    const problems: string[] = [];
    for (const question of questions) {
      if (question.requirements.length < 3 || question.requirements.length > 6) problems.push(`${question.id}: ${question.requirements.length} requirements`);
      for (const requirement of question.requirements) {
        if (requirement.concepts.length === 0) problems.push(`${question.id}/${requirement.id}: no concepts`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every rubric point 2-5 well-formed concepts and exactly two hints that avoid its own theme words', () => {
    const problems: string[] = [];
    for (const question of questions) {
      for (const point of question.rubric) {
        const where = `${question.id}/${point.id}`;
        if (point.concepts.length < 2 || point.concepts.length > 5) problems.push(`${where}: ${point.concepts.length} concepts`);
        for (const rule of [...point.concepts, ...question.requirements.flatMap((requirement) => requirement.concepts)]) {
          if (!CONCEPT_RULE.test(rule)) problems.push(`${where}: malformed concept "${rule}"`);
        }
        if (point.hints.length !== 2) problems.push(`${where}: ${point.hints.length} hints`);
        const themeWords = words(point.theme).filter((word) => word.length >= 4 && !['with', 'what', 'your', 'that', 'from', 'when', 'their'].includes(word));
        for (const hint of point.hints) {
          const hintWords = words(hint);
          const leaked = themeWords.filter((theme) => hintWords.some((word) => word.slice(0, 5) === theme.slice(0, 5)));
          if (leaked.length > 0) problems.push(`${where}: hint repeats the theme (${leaked.join(', ')}): ${hint}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no concept rule that the question title or one of its misconceptions already satisfies', () => {
    const problems: string[] = [];
    for (const question of questions) {
      for (const item of [...question.rubric, ...question.requirements]) {
        for (const rule of item.concepts) {
          if (conceptFires(rule, question.title)) problems.push(`${question.id}/${item.id}: restating the question satisfies "${rule}"`);
          for (const misconception of question.misconceptions) {
            if (conceptFires(rule, misconception.claim)) problems.push(`${question.id}/${item.id}: the wrong claim ${misconception.id} satisfies "${rule}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives follow-ups that name a point a real point id and at most a concern and a concept as hints', () => {
    const problems: string[] = [];
    for (const question of questions) {
      for (const followUp of [...question.followUps.functional, ...question.followUps.nonFunctional]) {
        if (followUp.hints.length === 1) problems.push(`${question.id}: "${followUp.ask}" has one hint; give a concern and a concept`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no evidence phrase, in the rubric or the requirements, that shrinks to one common word', () => {
    const problems: string[] = [];
    for (const question of questions) {
      // Requirements are matched like rubric points, so compile them the same way.
      const asRubric = { ...question, rubric: question.requirements.map((requirement) => ({ ...requirement, probe: undefined, hints: [] })) };
      for (const point of [...compileRubric(question).points, ...compileRubric(asRubric).points]) {
        for (const evidence of point.evidence) {
          const terms = evidence.key.split(' ');
          // Compared on the phrase's letters, not its stem, so the list survives a change of stemmer.
          const letters = evidence.text.toLowerCase().replace(/[^a-z0-9]/g, '');
          const specific = SPECIFIC_TERMS.has(terms[0] ?? '') || [...SPECIFIC_TERMS].some((term) => letters.startsWith(term));
          if (terms.length === 1 && !specific) problems.push(`${question.id}/${point.id}: "${evidence.text}" is just "${evidence.key}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every question at least 3 misconceptions whose patterns spare the rubric and their own correction', () => {
    const problems: string[] = [];
    for (const question of questions) {
      if (question.misconceptions.length < 3) problems.push(`${question.id}: ${question.misconceptions.length} misconceptions`);
      for (const misconception of question.misconceptions) {
        for (const pattern of misconception.patterns) {
          const regex = new RegExp(pattern, 'iu');
          if (regex.test(misconception.correction)) problems.push(`${question.id}/${misconception.id}: a pattern matches its own correction: ${pattern}`);
          for (const point of question.rubric) if (regex.test(point.point)) problems.push(`${question.id}/${misconception.id}: a pattern matches rubric point ${point.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches each misconception in the hand-written wrong sentences and spares the right ones', async () => {
    const examples = parse(await readFile(path.join(REPO_ROOT, 'test/fixtures/misconception-examples.yaml'), 'utf8')) as Record<string, Record<string, MisconceptionExamples>>;
    const problems: string[] = [];
    for (const question of questions) {
      const own = examples[question.id] ?? {};
      const compiled = question.misconceptions.map((misconception) => ({ id: misconception.id, regexes: misconception.patterns.map((pattern) => new RegExp(pattern, 'iu')) }));
      for (const misconception of compiled) {
        const example = own[misconception.id];
        if (!example || example.wrong.length === 0) {
          problems.push(`${question.id}/${misconception.id}: no wrong example`);
          continue;
        }
        for (const sentence of example.wrong) if (!misconception.regexes.some((regex) => regex.test(sentence))) problems.push(`${question.id}/${misconception.id}: missed "${sentence}"`);
      }
      for (const [id, example] of Object.entries(own)) {
        if (!compiled.some((misconception) => misconception.id === id)) problems.push(`${question.id}: examples for unknown misconception ${id}`);
        for (const sentence of example.right) {
          for (const misconception of compiled) if (misconception.regexes.some((regex) => regex.test(sentence))) problems.push(`${question.id}/${misconception.id}: flags the right sentence "${sentence}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('originality against the study guide', () => {
  it('the check itself catches a copied run despite case and punctuation changes', () => {
    const source = runs('Configure the SDK with batch processors, sensible timeouts, and memory limits everywhere.', COPY_RUN);
    expect(sharedRuns('We CONFIGURE the sdk: with batch-processors sensible timeouts and memory limits!', source).length).toBeGreaterThan(0);
    expect(sharedRuns('We set up the SDK with batching, sensible timeouts and memory limits.', source)).toEqual([]);
  });

  it(`no content file shares a run of ${COPY_RUN} consecutive words with the study guide`, async (context) => {
    if (!existsSync(STUDY_GUIDE)) {
      context.skip(`study guide not found at ${STUDY_GUIDE}; originality not checked`);
    }
    const guide = runs(await readFile(STUDY_GUIDE, 'utf8'), COPY_RUN);
    const files = [
      ...(await yamlFiles(QUESTIONS_DIR)),
      path.join(CONTENT_DIR, 'pacing.yaml'),
      ...(await evalYamlFiles()),
    ];
    expect(files.length).toBeGreaterThan(12);
    const copied: string[] = [];
    for (const file of files) {
      for (const run of sharedRuns(await readFile(file, 'utf8'), guide)) copied.push(`${path.relative(REPO_ROOT, file)}: "${run}"`);
    }
    expect(copied).toEqual([]);
  });
});

describe('content/eval scorer dataset', () => {
  let evalFiles: { file: string; data: EvalFile }[] = [];
  const parseProblems: string[] = [];

  beforeAll(async () => {
    evalFiles = [];
    for (const file of await evalYamlFiles()) {
      const name = path.relative(EVAL_DIR, file);
      const parsed = evalFileSchema.safeParse(parse(await readFile(file, 'utf8')));
      if (parsed.success) evalFiles.push({ file: name, data: parsed.data });
      else parseProblems.push(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
  });

  it('has well-formed tune and holdout files for every question, each named after an existing question', () => {
    expect(parseProblems).toEqual([]);
    for (const split of EVAL_SPLITS) {
      const covered = new Set(evalFiles.filter(({ file }) => file.startsWith(`${split}${path.sep}`)).map(({ data }) => data.questionId));
      expect(questions.filter((question) => !covered.has(question.id)).map((question) => `${split}: ${question.id}`)).toEqual([]);
    }
    const problems = evalFiles.flatMap(({ file, data }) => [
      ...(byId.has(data.questionId) ? [] : [`${file}: unknown question "${data.questionId}"`]),
      ...(path.basename(file) === `${data.questionId}.yaml` ? [] : [`${file}: should be named ${data.questionId}.yaml`]),
    ]);
    expect(problems).toEqual([]);
  });

  it('holds the documented minimum of each kind per question in each split', () => {
    const problems: string[] = [];
    for (const split of EVAL_SPLITS) {
      for (const question of questions) {
        const answers = evalFiles.filter(({ file, data }) => file.startsWith(`${split}${path.sep}`) && data.questionId === question.id).flatMap(({ data }) => data.answers);
        for (const [kind, least] of Object.entries(MIN_PER_SPLIT[split])) {
          const count = answers.filter((answer) => answer.kind === kind).length;
          if (count < least) problems.push(`${split}/${question.id}: ${count} ${kind}, needs ${least}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('labels every rubric point of the question, and nothing else, on every answer', () => {
    const problems: string[] = [];
    for (const { file, data } of evalFiles) {
      const rubricIds = (byId.get(data.questionId)?.rubric ?? []).map((point) => point.id).sort();
      const answerIds = new Set<string>();
      for (const answer of data.answers) {
        if (answerIds.has(answer.id)) problems.push(`${file}: duplicate answer id ${answer.id}`);
        answerIds.add(answer.id);
        const labelled = Object.keys(answer.verdicts).sort();
        if (JSON.stringify(labelled) !== JSON.stringify(rubricIds)) {
          problems.push(`${file}/${answer.id}: labels [${labelled.join(', ')}] but the rubric is [${rubricIds.join(', ')}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('includes every required kind of answer for every question (both splits together), each 20-400 words', () => {
    // 400, not 250: a strong spoken answer to a staff question runs to 300+ words (the third blind
    // set's do); 20, not 25: a hashtag list of 24 terms is still a keyword list.
    const problems: string[] = [];
    for (const question of questions) {
      const kinds = new Set(evalFiles.filter(({ data }) => data.questionId === question.id).flatMap(({ data }) => data.answers.map((answer) => answer.kind)));
      for (const kind of REQUIRED_KINDS) if (!kinds.has(kind)) problems.push(`${question.id}: no ${kind} answer`);
    }
    for (const { file, data } of evalFiles) {
      for (const answer of data.answers) {
        const count = wordCount(answer.text);
        if (count < 20 || count > 400) problems.push(`${file}/${answer.id}: ${count} words`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('labels each kind consistently with its definition', () => {
    const problems: string[] = [];
    for (const { file, data } of evalFiles) {
      const rubricSize = byId.get(data.questionId)?.rubric.length ?? 0;
      for (const answer of data.answers) {
        const verdicts = Object.values(answer.verdicts);
        const covered = verdicts.filter((verdict) => verdict === 'covered').length;
        const credited = verdicts.filter((verdict) => verdict !== 'missed').length;
        const where = `${file}/${answer.id} (${answer.kind})`;
        switch (answer.kind) {
          case 'strong': {
            // Partial counts half, as in the score: a strong answer earns at least half the points.
            const credit = covered + (credited - covered) / 2;
            if (credit * 2 < rubricSize) problems.push(`${where}: a strong answer covers most points, got ${credit}/${rubricSize}`);
            break;
          }
          case 'partial':
            if (credited < 2 || covered > 3) problems.push(`${where}: a partial answer covers 2-3 points, got ${covered} covered, ${credited} credited`);
            break;
          case 'off-topic':
            if (credited > 0) problems.push(`${where}: an off-topic answer misses everything`);
            break;
          case 'keyword-stuffed':
            if (covered > 0) problems.push(`${where}: a bare keyword list covers nothing`);
            break;
          case 'prompt-injection':
            if (covered * 2 >= rubricSize) problems.push(`${where}: labelled on its real, weak content`);
            if (!INJECTION_ATTEMPT.some((pattern) => pattern.test(answer.text))) problems.push(`${where}: carries no injection attempt`);
            break;
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
