import { runPractice } from '../../adapters/console/practice.ts';
import { loadQuestionBank } from '../../core/content/load.ts';
import { parseCliArgs, parsePositiveInt } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { createCliScorer, EXIT_SCORER_UNAVAILABLE, SCORER_FLAG_USAGE } from '../scorer.ts';
import { createTerminalSelfAssessment } from '../self-assess-prompt.ts';
import type { CliCommand } from '../types.ts';

const usage = `obs-bot practice [--topic T] [--question ID] [--followups N] [${SCORER_FLAG_USAGE}] [--dir DIR]`;

export const practiceCommand: CliCommand = {
  path: ['practice'],
  summary: 'A practice interview in the terminal (answers typed or piped on standard input)',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      { topic: { type: 'string' }, question: { type: 'string' }, followups: { type: 'string' }, dir: { type: 'string' }, scorer: { type: 'string' } },
      usage,
    );
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const question = values.question ? bank.require(values.question) : bank.pick(values.topic);
    const maxFollowUps = parsePositiveInt(values.followups, '--followups', 3);
    const chosen = await createCliScorer({ flag: values.scorer, note: (text) => io.stderr(`obs-bot practice: ${text}\n`) });
    if (!chosen.ok) {
      io.stderr(`obs-bot practice: ${chosen.message}\n`);
      return EXIT_SCORER_UNAVAILABLE;
    }
    const note = (text: string) => io.stderr(`obs-bot practice: ${text}\n`);
    const selfAssessment = io.interactive ? await createTerminalSelfAssessment({ write: io.stdout, note }) : undefined;
    await runPractice({
      question,
      pacing: bank.pacing,
      scorer: chosen.scoring.scorer,
      maxFollowUps,
      input: io.stdin,
      write: io.stdout,
      interactive: io.interactive,
      ...(selfAssessment ? { afterReveal: (context) => selfAssessment.afterReveal(context) } : {}),
    }).finally(() => Promise.all([chosen.scoring.close(), selfAssessment?.close()]));
    return 0;
  },
};
