import { runPractice } from '../../adapters/console/practice.ts';
import { loadQuestionBank } from '../../core/content/load.ts';
import { parseCliArgs, parsePositiveInt } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { createCliScorer, EXIT_SCORER_UNAVAILABLE, SCORER_FLAG_USAGE } from '../scorer.ts';
import { createTerminalSelfAssessment } from '../self-assess-prompt.ts';
import type { CliCommand } from '../types.ts';

const usage = `obs-bot practice [--mock] [--topic T] [--question ID] [--followups N] [${SCORER_FLAG_USAGE}] [--dir DIR]`;

/** The exit code of a program stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

export const practiceCommand: CliCommand = {
  path: ['practice'],
  summary: 'A practice interview in the terminal (--mock: the paced four-phase round); answers typed or piped on standard input',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      { topic: { type: 'string' }, question: { type: 'string' }, followups: { type: 'string' }, dir: { type: 'string' }, mock: { type: 'boolean' }, scorer: { type: 'string' } },
      usage,
    );
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const question = values.question ? bank.require(values.question) : bank.pick(values.topic);
    const note = (text: string): void => io.stderr(`obs-bot practice: ${text}
`);
    const chosen = await createCliScorer({ flag: values.scorer, note });
    if (!chosen.ok) {
      note(chosen.message);
      return EXIT_SCORER_UNAVAILABLE;
    }
    const selfAssessment = io.interactive ? await createTerminalSelfAssessment({ write: io.stdout, note }) : undefined;
    // Ctrl-C ends the interview with the scorecard so far; a second Ctrl-C kills as usual.
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const outcome = await runPractice({
        question,
        pacing: bank.pacing,
        scorer: chosen.scoring.scorer,
        maxFollowUps: parsePositiveInt(values.followups, '--followups', 3),
        mock: values.mock === true,
        input: io.stdin,
        write: io.stdout,
        interactive: io.interactive,
        signal: controller.signal,
        ...(selfAssessment ? { afterReveal: (context) => selfAssessment.afterReveal(context) } : {}),
      });
      return outcome.interrupted ? INTERRUPTED_EXIT_CODE : 0;
    } finally {
      process.off('SIGINT', onInterrupt);
      // Standard input still open (a terminal, or a pipe after Ctrl-C) would keep the
      // process alive after the scorecard: the interview is over, so let it go.
      io.stdin.destroy();
      await Promise.all([chosen.scoring.close(), selfAssessment?.close()]);
    }
  },
};
