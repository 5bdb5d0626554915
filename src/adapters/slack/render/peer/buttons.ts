import { z } from 'zod';
import { peerActionNameSchema, type PeerActionName } from '../../../../queue/jobs.ts';
import type { ActionsBlock, ButtonElement } from '../blocks.ts';

/**
 * Peer buttons: `action_id` is `obs_peer_<action>` (plus `_<n>` where one message holds
 * several of a kind, as Slack wants action ids unique per message); the value carries the
 * action, the session's thread id when known, and the choice (a follow-up id, a rating).
 */
export const PEER_ACTION_ID_PATTERN = /^obs_peer_[a-z_-]+(?:_\d+)?$/;

const valueSchema = z.object({ a: peerActionNameSchema, t: z.string().min(1).optional(), v: z.string().max(40).optional() });
export type PeerButtonValue = z.infer<typeof valueSchema>;

export function decodePeerValue(raw: string): PeerButtonValue | undefined {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function peerButton(action: PeerActionName, label: string, threadId: string | undefined, options: { value?: string; index?: number; style?: 'primary' | 'danger' } = {}): ButtonElement {
  const value: PeerButtonValue = { a: action, ...(threadId ? { t: threadId } : {}), ...(options.value ? { v: options.value } : {}) };
  return {
    type: 'button',
    text: { type: 'plain_text', text: label, emoji: true },
    action_id: `obs_peer_${action}${options.index === undefined ? '' : `_${options.index}`}`,
    value: JSON.stringify(value),
    ...(options.style ? { style: options.style } : {}),
  };
}

export function peerActions(elements: ButtonElement[]): ActionsBlock {
  return { type: 'actions', elements };
}
