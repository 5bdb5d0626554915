import path from 'node:path';
import { UserError } from '../../core/errors.ts';
import { formatNegationReport } from '../../core/eval/format-negation-report.ts';
import { measureNegation } from '../../core/eval/measure-negation.ts';
import { loadNegationCorpus } from '../../core/eval/negation-corpus.ts';
import { toNegationJson } from '../../core/eval/negation-json.ts';
import { ideaRejected } from '../../core/scoring/keyword/idea-rejected.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { parseSplitOption } from '../split-option.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot eval negation [--split tune|holdout|all] [--json] [--content DIR]';

export const evalNegationCommand: CliCommand = {
  path: ['eval', 'negation'],
  summary: "Measure the keyword scorer's rejection check against the labelled passages in content/negation (recall, false rejections; tune and holdout apart)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { content: { type: 'string' }, split: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new UserError('bad_arguments', `no positional arguments; the corpus is <content>/negation (--content DIR)\nusage: ${usage}`);
    const splits = parseSplitOption(values.split, usage);
    const corpusDir = path.join(values.content ?? defaultContentDir(), 'negation');

    const results = measureNegation(await loadNegationCorpus(corpusDir, splits), ideaRejected);
    io.stdout(values.json ? `${JSON.stringify(toNegationJson(corpusDir, results), null, 2)}\n` : `${formatNegationReport(corpusDir, results)}\n`);
    return 0;
  },
};
