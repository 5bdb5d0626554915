import { cpus, loadavg } from 'node:os';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { questionSchema, type Question } from '../src/core/content/schema.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { measure } from './measure.ts';
import { formatMs, formatSummary, summarize } from './stats.ts';
import type { Bench } from './types.ts';

/**
 * Keyword scorer latency on a long answer: a ~2,000-word answer against a real question,
 * scored the way the bot does (through the Scorer interface). Target: p99 under 1 ms on the
 * 2-core dev machine, so keyword scoring never shows up next to chat-platform latency.
 */
const TARGET_P99_MS = 1;
const WARMUP_RUNS = 300;
const TIMED_RUNS = 3_000;
const ANSWER_WORDS = 2_000;
const COMPILE_RUNS = 50;
const PREFERRED_QUESTION = 'tracing-100-services';

// Used when content/ doesn't load (it is being written alongside this code).
const FALLBACK_QUESTION: Question = questionSchema.parse({
  id: 'tracing-fallback',
  topic: 'tracing',
  title: 'How would you design tracing for 100+ microservices?',
  summary: 'OpenTelemetry everywhere, context through queues, tail-based sampling, bounded overhead.',
  level: 'staff',
  rubric: [
    { id: 'propagation', theme: 'Context propagation', point: 'Propagates W3C trace context on every hop.', evidence: ['opentelemetry', 'traceparent', 'context propagation', 'inject headers'], weight: 2 },
    { id: 'async', theme: 'Async boundaries', point: 'Carries context through queues with span links.', evidence: ['message headers', 'span links', 'producer span', 'consumer span'], weight: 3 },
    { id: 'sampling', theme: 'Sampling strategy', point: 'Tail-based sampling that keeps errors and slow traces.', evidence: ['tail-based sampling', 'keep errors', 'slow traces', 'sampling rate'], weight: 3 },
    { id: 'overhead', theme: 'Overhead budget', point: 'Bounds instrumentation cost with batching and bounded queues.', evidence: ['batch span processor', 'bounded queue', 'overhead budget', 'drop spans'], weight: 2 },
    { id: 'storage', theme: 'Storage and retention', point: 'Tiered retention on object storage.', evidence: ['object storage', 'retention', 'tempo', 'cost per span'], weight: 1 },
  ],
  followUps: { functional: [], nonFunctional: [] },
});

async function loadQuestion(): Promise<{ question: Question; source: string }> {
  try {
    const bank = await loadQuestionBank('content');
    const question = bank.get(PREFERRED_QUESTION) ?? bank.questions[0];
    if (question) return { question, source: `content/ (${question.id})` };
  } catch {
    // Fall through: content/ is optional for this bench.
  }
  return { question: FALLBACK_QUESTION, source: 'inline fixture (content/ did not load)' };
}

/** Small deterministic PRNG, so every run scores the same answer. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVIDENCE_SENTENCES = [
  (phrase: string) => `We would rely on ${phrase} because it keeps the signal we need when an incident starts.`,
  (phrase: string) => `For ${phrase}, the main risk is cost, so we measure it per team and review it every quarter.`,
  (phrase: string) => `When traffic doubles, ${phrase} still has to hold, which is why we load-test it before each launch.`,
  (phrase: string) => `I would start with ${phrase} and only add more once the on-call engineers ask for it.`,
  (phrase: string) => `The platform team owns ${phrase}, and service teams get it from the shared library by default.`,
];

const FILLER_SENTENCES = [
  'The platform team owns the shared libraries and publishes a short guide for every service team.',
  'Each decision gets a one-page design note, so the next engineer knows why it was made.',
  'We roll changes out to one region first and watch the error rate for a day before going further.',
  'Dashboards are reviewed in the weekly operations meeting, and anything nobody looked at for a month is deleted.',
  'Teams that run critical paths get a named contact on the platform side and a quarterly review.',
  'During an incident the first responder should reach the failing dependency within a few clicks.',
  'Budgets are set per team, which makes the cost of a noisy service visible to the people who can fix it.',
  'Migrations happen service by service, with the old pipeline kept running until the new one matches it.',
  'I would also write down what we explicitly will not build in the first year, to keep the scope honest.',
  'Alerts page a human only when users are affected; everything else opens a ticket for working hours.',
];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A ~2,000-word answer in paragraphs: real sentences, about 40% of them using rubric phrases. */
export function generateAnswer(question: Question, words: number, seed = 42): string {
  const random = mulberry32(seed);
  const phrases = question.rubric.flatMap((point) => point.evidence);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const length = 4 + Math.floor(random() * 3);
    for (let index = 0; index < length && count < words; index += 1) {
      const sentence = random() < 0.4 ? pick(EVIDENCE_SENTENCES, random)(pick(phrases, random)) : pick(FILLER_SENTENCES, random);
      sentences.push(sentence);
      count += sentence.split(/\s+/).length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

export const bench: Bench = {
  name: 'keyword-scorer',
  async run() {
    const { question, source } = await loadQuestion();
    const answer = generateAnswer(question, ANSWER_WORDS);
    const scorer = new KeywordScorer();

    const result = await scorer.score(question, answer);
    const samples = await measure(() => scorer.score(question, answer), { warmup: WARMUP_RUNS, runs: TIMED_RUNS });
    const summary = summarize(samples);
    // A structurally equal copy misses the rubric cache: the first score of each question
    // object also compiles its rubric.
    const clones = Array.from({ length: COMPILE_RUNS }, () => structuredClone(question));
    let clone = 0;
    const firstScores = summarize(await measure(() => scorer.score(clones[clone++] ?? question, answer), { warmup: 0, runs: COMPILE_RUNS }));
    const verdicts = result.points.map((point) => point.verdict[0]).join('');

    return {
      title: `keyword scorer · ${answer.split(/\s+/).length}-word answer (${answer.length} chars)`,
      lines: [
        `question: ${source}, ${question.rubric.length} rubric points`,
        `per answer: ${formatSummary(summary)}`,
        `first score of a question object (also compiles its rubric): median ${formatMs(firstScores.median)}`,
        `result: score ${result.score}, verdicts ${verdicts} (c=covered p=partial m=missed)`,
        // Wall-clock tails on a shared machine mostly measure other processes; show how busy it was.
        `machine: ${cpus().length} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' / ')} (1/5/15 min)`,
        `target: p99 < ${TARGET_P99_MS} ms → ${summary.p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`,
      ],
      ok: summary.p99 < TARGET_P99_MS,
    };
  },
};
