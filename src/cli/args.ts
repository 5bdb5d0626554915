import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its TypeErrors turned into a UserError that shows the usage. */
export function parseCliArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError('bad_arguments', `${(error as Error).message}\nusage: ${usage}`);
  }
}

export function parsePositiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 50) {
    throw new UserError('bad_arguments', `${name} must be a whole number from 0 to 50, not "${value}"`);
  }
  return parsed;
}
