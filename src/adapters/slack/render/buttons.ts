import { z } from 'zod';
import { actionNameSchema, type ActionName } from '../../../queue/jobs.ts';
import type { ActionsBlock, ButtonElement } from './blocks.ts';

/**
 * Buttons on bot messages. `action_id` names the action (`obs_hint`…); `value` carries the
 * action and, when known, the session's thread id. The message that starts a thread cannot
 * know its own id when it is rendered, so there the id is absent and the listener uses the
 * message's own ts (`container.thread_ts ?? container.message_ts`).
 */
export const ACTION_ID_PREFIX = 'obs_';

export const ACTION_IDS: Record<ActionName, string> = {
  hint: 'obs_hint',
  reveal: 'obs_reveal',
  next: 'obs_next',
  finish: 'obs_finish',
  'mock-me': 'obs_mock_me',
  // A prefix: each self-assessment button adds `:<point>:<rating>` (action ids must differ within a message).
  'self-assess': 'obs_self_assess',
};

/** Matches every action id above, for `app.action(ACTION_ID_PATTERN, …)`. */
export const ACTION_ID_PATTERN = /^obs_(hint|reveal|next|finish|mock_me|self_assess:\d+:(got|partly|missed))$/;

const buttonValueSchema = z.object({ action: actionNameSchema, threadId: z.string().min(1).optional() });
export type ButtonValue = z.infer<typeof buttonValueSchema>;

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(value);
}

/** Undefined for a value we did not write (an old message, a forged payload). */
export function decodeButtonValue(raw: string): ButtonValue | undefined {
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const LABELS: Record<ActionName, string> = {
  hint: '💡 Hint',
  reveal: '🗝 Reveal key points',
  next: '➡️ Next follow-up',
  finish: '🏁 Finish',
  'mock-me': '🎤 Mock interview me on this',
  'self-assess': '🪞 Rate yourself',
};

export function button(action: ActionName, threadId: string | undefined): ButtonElement {
  return {
    type: 'button',
    text: { type: 'plain_text', text: LABELS[action], emoji: true },
    action_id: ACTION_IDS[action],
    value: encodeButtonValue(threadId ? { action, threadId } : { action }),
  };
}

export function actions(names: readonly ActionName[], threadId: string | undefined): ActionsBlock {
  return { type: 'actions', elements: names.map((name) => button(name, threadId)) };
}
