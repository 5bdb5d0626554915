import type { z } from 'zod';
import type { ConfigProblem } from './errors.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface VariableSpec<T> {
  name: string;
  schema: z.ZodType<T>;
  /** Used when the variable is unset or blank. */
  fallback?: T;
  required?: boolean;
  /** What to say when a required variable is unset: how to get a value. */
  missing?: string;
  /** What to say when the value is unusable: what it should look like. Never quotes the value. */
  invalid: string;
  /**
   * Named rules checked in order before the schema; the first one that fails gives the
   * message, so the message states the rule that failed (a prefix, a length) instead of a
   * general description. Messages never quote the value.
   */
  rules?: readonly VariableRule[];
}

export interface VariableRule {
  holds: (value: string) => boolean;
  message: string;
}

/** Blank counts as unset: `FOO=` in an env file means "not configured", not "empty string". */
export function rawValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads one variable through its zod schema, recording a problem instead of throwing so
 * the caller can report every variable at once. Zod's own messages are not used: ours
 * say how to fix it, and none of them echo the input.
 */
export function readVariable<T>(env: Env, spec: VariableSpec<T>, problems: ConfigProblem[]): T | undefined {
  const value = rawValue(env, spec.name);
  if (value === undefined) {
    if (spec.fallback !== undefined) return spec.fallback;
    if (spec.required) problems.push({ variable: spec.name, message: spec.missing ?? `is not set. ${spec.invalid}` });
    return undefined;
  }
  const broken = spec.rules?.find((rule) => !rule.holds(value));
  if (broken) {
    problems.push({ variable: spec.name, message: broken.message });
    return undefined;
  }
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.push({ variable: spec.name, message: spec.invalid });
  return undefined;
}
