import { cpus, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { questionSchema, type Question } from '../src/core/content/schema.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import type { ScoreResult } from '../src/core/scoring/types.ts';
import { ANSWER_KINDS, proseAnswer } from './keyword-answers.ts';
import { measure } from './measure.ts';
import { formatMs, formatSummary, summarize, type Summary } from './stats.ts';
import type { Bench } from './types.ts';

/**
 * Keyword scorer latency on long answers: ~2,000-word answers of three kinds (prose, keyword
 * lists, prose with text aimed at the grader; see keyword-answers.ts) against a real question,
 * scored the way the bot does (through the Scorer interface). Target: p99 under 1 ms for every
 * kind on the 2-core dev machine, so keyword scoring never shows up next to chat-platform
 * latency. Wall-clock percentiles on a shared machine include time other processes took, so
 * each kind also reports CPU time per score and the garbage collections during its runs.
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

/** The prose answer, kept under its old name for scripts that import it. */
export const generateAnswer = proseAnswer;

interface KindReport {
  kind: string;
  words: number;
  summary: Summary;
  /** Mean CPU time of this process per score: unlike wall-clock time, other processes barely move it. */
  cpuMs: number;
  /** Garbage collections during the timed runs, and the longest. */
  gcCount: number;
  /**
   * Heap bytes allocated per score (what the collections freed plus what the heap grew by): less
   * garbage means fewer collections, and a collection is what lands a score in the slow tail.
   */
  garbageBytes: number;
  gcMaxMs: number;
  result: ScoreResult;
}

async function measureKind(kind: string, answer: string, question: Question, scorer: KeywordScorer): Promise<KindReport> {
  const result = await scorer.score(question, answer);
  for (let run = 0; run < WARMUP_RUNS; run += 1) await scorer.score(question, answer);
  const gcs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const profiler = new GCProfiler();
  profiler.start();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const samples = await measure(() => scorer.score(question, answer), { warmup: 0, runs: TIMED_RUNS });
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = process.memoryUsage().heapUsed;
  let freed = 0;
  for (const gc of profiler.stop()?.statistics ?? []) freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return {
    kind,
    words: answer.split(/\s+/).filter(Boolean).length,
    summary: summarize(samples),
    cpuMs: (cpu.user + cpu.system) / 1000 / TIMED_RUNS,
    gcCount: gcs.length,
    gcMaxMs: Math.max(0, ...gcs),
    garbageBytes: (heapAfter - heapBefore + freed) / TIMED_RUNS,
    result,
  };
}

export const bench: Bench = {
  name: 'keyword-scorer',
  async run() {
    const { question, source } = await loadQuestion();
    const scorer = new KeywordScorer();
    const load = loadavg();
    const reports: KindReport[] = [];
    for (const [kind, generate] of Object.entries(ANSWER_KINDS)) reports.push(await measureKind(kind, generate(question, ANSWER_WORDS), question, scorer));

    // A structurally equal copy misses the rubric cache: the first score of each question
    // object also compiles its rubric.
    const answer = proseAnswer(question, ANSWER_WORDS);
    const clones = Array.from({ length: COMPILE_RUNS }, () => structuredClone(question));
    let clone = 0;
    const firstScores = summarize(await measure(() => scorer.score(clones[clone++] ?? question, answer), { warmup: 0, runs: COMPILE_RUNS }));
    const worstP99 = Math.max(...reports.map((report) => report.summary.p99));

    return {
      title: `keyword scorer · ${ANSWER_WORDS}-word answers of ${reports.length} kinds, ${WARMUP_RUNS} warm-up + ${TIMED_RUNS} timed scores each`,
      lines: [
        `question: ${source}, ${question.rubric.length} rubric points`,
        ...reports.flatMap((report) => [
          `${report.kind} (${report.words} words): ${formatSummary(report.summary)}`,
          `  cpu ${formatMs(report.cpuMs)}/score · ~${Math.round(report.garbageBytes / 1024)} KB garbage/score · ${report.gcCount} GCs in the timed runs (longest ${formatMs(report.gcMaxMs)}) · score ${report.result.score}, verdicts ${report.result.points.map((point) => point.verdict[0]).join('')}${report.result.graderAddressed ? ', grader-aimed parts flagged' : ''}`,
        ]),
        `first score of a question object (also compiles its rubric): median ${formatMs(firstScores.median)}`,
        // Wall-clock tails on a shared machine mostly measure other processes; show how busy it was.
        `machine: ${cpus().length} cores, load average ${load.map((value) => value.toFixed(1)).join(' / ')} at start, ${loadavg().map((value) => value.toFixed(1)).join(' / ')} at end (1/5/15 min)`,
        `target: p99 < ${TARGET_P99_MS} ms for every kind → worst p99 ${formatMs(worstP99)}: ${worstP99 < TARGET_P99_MS ? 'met' : 'MISSED'}`,
      ],
      ok: worstP99 < TARGET_P99_MS,
    };
  },
};
