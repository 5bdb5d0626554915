import path from 'node:path';
import { loadQuestionBank } from '../../core/content/load.ts';
import { UserError } from '../../core/errors.ts';
import { stringifyEvalJson, toEvalJson } from '../../core/eval/eval-json.ts';
import { formatEvalReport } from '../../core/eval/format-report.ts';
import { loadEvalDataset } from '../../core/eval/load-dataset.ts';
import { runEval, type EvalRun } from '../../core/eval/run-eval.ts';
import { KeywordScorer } from '../../core/scoring/keyword/keyword-scorer.ts';
import type { Scorer, ScorerName } from '../../core/scoring/types.ts';
import { createLlmClient } from '../../scoring/llm/client.ts';
import { LlmConfigError, loadLlmConfig } from '../../scoring/llm/config.ts';
import { LlmScorer } from '../../scoring/llm/llm-scorer.ts';
import { LlmMetrics } from '../../scoring/llm/metrics.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { defaultScorerName } from '../scorer.ts';
import { parseSplitOption } from '../split-option.ts';
import type { CliCommand, CliIO } from '../types.ts';

const usage = 'obs-bot eval [--split tune|holdout|all] [--json] [--scorer keyword|llm] [--content DIR] [DATASET]';

/** Exit code for "cannot run as asked" (LLM not configured or misconfigured). */
const EXIT_UNAVAILABLE = 2;
/** Parallel LLM calls: fast enough for a few dozen answers, gentle on rate limits. */
const LLM_CONCURRENCY = 4;

function parseScorers(values: string[] | undefined): ScorerName[] {
  // Without --scorer: the LLM when it is configured, like `score` and `practice`.
  const names = (values ?? [defaultScorerName()]).flatMap((value) => value.split(',')).map((name) => name.trim());
  for (const name of names) {
    if (name !== 'keyword' && name !== 'llm') throw new UserError('bad_arguments', `--scorer must be keyword or llm, not "${name}"\nusage: ${usage}`);
  }
  return [...new Set(names as ScorerName[])];
}

/**
 * The eval's LLM scorer has no cache and no budget: a cached verdict would measure an older
 * run, and an operator running the eval means to spend the calls. Undefined (after saying
 * why on stderr) when the LLM is not usable.
 */
function llmScorerForEval(keyword: Scorer, metrics: LlmMetrics, io: CliIO): Scorer | undefined {
  let config;
  try {
    config = loadLlmConfig();
  } catch (error) {
    if (error instanceof LlmConfigError) {
      io.stderr(`obs-bot eval: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
  if (!config) {
    io.stderr('obs-bot eval: --scorer llm needs an LLM: set OPENAI_API_KEY (and optionally OBS_LLM_MODEL), or OPENAI_BASE_URL for a local OpenAI-compatible server.\n');
    return undefined;
  }
  return new LlmScorer({ client: createLlmClient(config), config, fallback: keyword, metrics });
}

async function formatLlmUsage(metrics: LlmMetrics): Promise<string> {
  const snap = await metrics.snapshot();
  const fallbacks = Object.entries(snap.fallbacks).map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
  return `  LLM calls ${snap.calls}, prompt tokens ${snap.promptTokens}, completion tokens ${snap.completionTokens}, quote downgrades ${snap.downgrades}, fallbacks: ${fallbacks}`;
}

export const evalCommand: CliCommand = {
  path: ['eval'],
  summary: 'Measure a scorer against the labelled answers in content/eval, tune and holdout apart (accuracy, kappa, MAE, ranking checks)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      { scorer: { type: 'string', multiple: true }, content: { type: 'string' }, split: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    if (positionals.length > 1) throw new UserError('bad_arguments', `one DATASET at most\nusage: ${usage}`);
    // `eval negation` is its own command only when `negation` comes straight after `eval`;
    // after an option it lands here and would be read as a dataset folder that is not there.
    if (positionals[0] === 'negation') throw new UserError('bad_arguments', `for the negation corpus put "negation" straight after "eval": obs-bot eval negation [options] (a dataset folder named negation: ./negation)\nusage: ${usage}`);
    const scorerNames = parseScorers(values.scorer);
    const splits = parseSplitOption(values.split, usage);
    const contentDir = values.content ?? defaultContentDir();
    const datasetPath = positionals[0] ?? path.join(contentDir, 'eval');

    const keyword = new KeywordScorer();
    const metrics = new LlmMetrics();
    const scorers: Scorer[] = [];
    for (const name of scorerNames) {
      if (name === 'keyword') {
        scorers.push(keyword);
        continue;
      }
      const llm = llmScorerForEval(keyword, metrics, io);
      if (!llm) return EXIT_UNAVAILABLE;
      scorers.push(llm);
    }

    const bank = await loadQuestionBank(contentDir);
    const cases = await loadEvalDataset(datasetPath, bank.questions, { splits });
    const runs: EvalRun[] = [];
    for (const scorer of scorers) runs.push(await runEval(cases, scorer, { concurrency: scorer.name === 'llm' ? LLM_CONCURRENCY : 1 }));

    if (values.json) {
      io.stdout(`${stringifyEvalJson(toEvalJson(datasetPath, splits, runs))}\n`);
      return 0;
    }
    const perSplit = splits.map((split) => `${split} ${cases.filter((c) => c.split === split).length}`).join(', ');
    io.stdout(`Dataset ${datasetPath}: ${cases.length} labelled answers (${perSplit})\n\n`);
    for (const run of runs) {
      io.stdout(`${formatEvalReport(run)}\n`);
      if (run.scorer === 'llm') io.stdout(`${await formatLlmUsage(metrics)}\n`);
      io.stdout('\n');
    }
    return 0;
  },
};
