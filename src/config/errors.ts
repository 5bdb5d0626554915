import { UserError } from '../core/errors.ts';

/** One bad or missing variable: its name and a sentence on what is wrong and how to fix it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/**
 * Every configuration problem at once, one line per variable, so a deploy is fixed in one
 * round rather than one variable per restart. Lines name variables, never their values.
 */
export class ConfigError extends UserError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super('config_invalid', [`The configuration has ${count}:`, ...problems.map((problem) => `  - ${problem.variable}: ${problem.message}`)].join('\n'));
    this.problems = problems;
  }
}
