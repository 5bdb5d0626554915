import { peerActionNameSchema, type PeerActionName } from '../../queue/jobs.ts';

/**
 * Peer component custom ids (at most 100 characters): `obsp:<action>:<choice>:<thread id>`,
 * the choice empty when there is none and the thread id absent on the message that starts
 * the thread (its own id is the thread's). `obsp:card:<thread id>` is the scorecard modal.
 */
const PREFIX = 'obsp';

export function encodePeerCustomId(action: PeerActionName | 'card', threadId?: string, value = ''): string {
  const id = `${PREFIX}:${action}:${value}${threadId ? `:${threadId}` : ''}`;
  if (id.length > 100) throw new Error(`custom id too long (${id.length})`);
  return id;
}

export function decodePeerCustomId(customId: string): { action: PeerActionName | 'card'; value?: string; threadId?: string } | undefined {
  const [prefix, action, value, ...rest] = customId.split(':');
  if (prefix !== PREFIX || action === undefined) return undefined;
  const parsed = action === 'card' ? { success: true as const, data: 'card' as const } : peerActionNameSchema.safeParse(action);
  if (!parsed.success) return undefined;
  const threadId = rest.join(':');
  return { action: parsed.data, ...(value ? { value } : {}), ...(threadId ? { threadId } : {}) };
}
