import { z } from 'zod';
import { actionNameSchema, type ActionName } from '../../queue/jobs.ts';

/**
 * Component custom ids (at most 100 characters): `obs:<kind>` or `obs:<kind>:<thread id>`.
 * Kinds are the session buttons (all but self-assessment, see self-assess-ids.ts), `answer` (opens the modal) and `answer-modal` (its submit).
 * A message that starts a thread cannot know its own id when rendered, so its buttons carry
 * no thread id and the handler uses the message's id, which is the thread's.
 */
export type ComponentKind = Exclude<ActionName, 'self-assess'> | 'answer' | 'answer-modal';

const PREFIX = 'obs';
/** Self-assessment buttons carry their point and rating too: they have their own ids (self-assess-ids.ts). */
const kindSchema = z.union([actionNameSchema.exclude(['self-assess']), z.literal('answer'), z.literal('answer-modal')]);

export function encodeCustomId(kind: ComponentKind, threadId?: string): string {
  const id = threadId ? `${PREFIX}:${kind}:${threadId}` : `${PREFIX}:${kind}`;
  if (id.length > 100) throw new Error(`custom id too long (${id.length})`);
  return id;
}

/** Undefined for an id we did not write (an old message, another bot's component). */
export function decodeCustomId(customId: string): { kind: ComponentKind; threadId?: string } | undefined {
  const [prefix, kind, ...rest] = customId.split(':');
  if (prefix !== PREFIX) return undefined;
  const parsed = kindSchema.safeParse(kind);
  if (!parsed.success) return undefined;
  const threadId = rest.join(':');
  return threadId ? { kind: parsed.data, threadId } : { kind: parsed.data };
}
