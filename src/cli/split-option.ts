import { UserError } from '../core/errors.ts';
import { isSplit, SPLITS, type Split } from '../core/eval/dataset-schema.ts';

/** `--split all` (the default) reads and reports both parts; one name reads only that part. */
export function parseSplitOption(value: string | undefined, usage: string): Split[] {
  if (value === undefined || value === 'all') return [...SPLITS];
  if (isSplit(value)) return [value];
  throw new UserError('bad_arguments', `--split must be tune, holdout or all, not "${value}"\nusage: ${usage}`);
}
