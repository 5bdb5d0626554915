import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ButtonInteraction, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { decodeThreadId, type ThreadRef } from '../../../core/thread-id.ts';
import type { PeerActionJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { decodePeerCustomId, encodePeerCustomId } from '../peer-custom-ids.ts';
import { followUpHandle } from '../reply-handle.ts';
import { ackThenEnqueue, dispatchComponent, type ComponentInteraction } from './dispatch-component.ts';
import { componentJobFields } from './component-job.ts';
import { sessionOf } from './session-ref.ts';

/**
 * Peer components on Discord: buttons (follow-up, end, scorecard, rate, swap), the
 * scorecard's select menus, and two modals the adapter opens itself (a modal can only be
 * an interaction's first response): the scorecard's notes (`card`) and the interviewer's
 * own follow-up (`follow-up` with the choice `own`). Whether the presser may act is the
 * worker's call: only the two participants can.
 */
const STALE = 'That control doesn’t work any more. Start a new session with `/obs-question peer`.';
const NOTES_ID = 'notes';
const OWN_ID = 'text';

function jobFrom(interaction: ComponentInteraction, threadIdGiven: string | undefined, action: PeerActionJob['action'], receivedAt: number, extra: { value?: string; form?: Record<string, string> } = {}): PeerActionJob {
  const messageId = 'message' in interaction && interaction.message ? interaction.message.id : undefined;
  if (!threadIdGiven && !messageId) throw new UserError('stale_button', STALE);
  const session = threadIdGiven ? namedSession(threadIdGiven, interaction.guildId) : sessionOf({ guildId: interaction.guildId, channelId: interaction.channelId ?? '', ...(messageId ? { messageId } : {}) });
  return {
    kind: 'peer-action',
    ...componentJobFields(interaction, session, receivedAt),
    action,
    handle: followUpHandle(interaction.token),
    ...(extra.value ? { value: extra.value } : {}),
    ...(extra.form ? { form: extra.form } : {}),
  };
}

/**
 * A peer control may sit in the interviewer's DM (the brief, the menu), where there is no
 * server and no channel to check: the custom id names the session, and the worker lets
 * only its two participants act. In a server, it must be that session's server.
 */
function namedSession(threadId: string, guildId: string | null): ThreadRef & { id: string } {
  let ref: ThreadRef;
  try {
    ref = decodeThreadId(threadId);
  } catch {
    throw new UserError('stale_button', STALE);
  }
  if (ref.platform !== 'discord' || (guildId !== null && ref.workspace !== guildId)) throw new UserError('stale_button', STALE);
  return { ...ref, id: threadId };
}

function modal(customId: string, title: string, inputId: string, label: string, required: boolean): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title,
    components: [{ type: ComponentType.ActionRow as const, components: [{ type: ComponentType.TextInput as const, custom_id: inputId, style: TextInputStyle.Paragraph, label, required, max_length: 1_500 }] }],
  };
}

export async function handlePeerButton(interaction: ButtonInteraction, deps: DiscordBotDeps): Promise<void> {
  const decoded = decodePeerCustomId(interaction.customId);
  const receivedAt = deps.now();
  await dispatchComponent(interaction, `button:peer-${decoded?.action ?? 'stale'}`, deps, () => {
    if (!decoded) throw new UserError('stale_button', STALE);
    // The adapter's own modals: the notes of the scorecard, and an own follow-up.
    if (decoded.action === 'card') return { ack: () => interaction.showModal(modal(encodePeerCustomId('card', decoded.threadId), 'Scorecard notes', NOTES_ID, 'Notes for your candidate (only the two of you see them)', false)) };
    if (decoded.action === 'follow-up' && decoded.value === 'own') {
      const session = decoded.threadId ? namedSession(decoded.threadId, interaction.guildId) : sessionOf({ guildId: interaction.guildId, channelId: interaction.channelId, messageId: interaction.message.id });
      return { ack: () => interaction.showModal(modal(encodePeerCustomId('follow-up', session.id, 'own'), 'Your own follow-up', OWN_ID, 'The question to post in the thread', true)) };
    }
    if (decoded.action === 'scorecard-draft' || decoded.action === 'scorecard-submit') throw new UserError('stale_button', STALE);
    const job = jobFrom(interaction, decoded.threadId, decoded.action, receivedAt, decoded.value ? { value: decoded.value } : {});
    return ackThenEnqueue(() => interaction.deferUpdate(), job, deps);
  });
}

/** A scorecard select: the choice is stored as a draft; the select itself shows it. */
export async function handlePeerSelect(interaction: StringSelectMenuInteraction, deps: DiscordBotDeps): Promise<void> {
  const decoded = decodePeerCustomId(interaction.customId);
  const receivedAt = deps.now();
  await dispatchComponent(interaction, 'select:peer-scorecard', deps, () => {
    if (decoded?.action !== 'scorecard-draft' || !decoded.threadId || !decoded.value) throw new UserError('stale_button', STALE);
    const job = jobFrom(interaction, decoded.threadId, 'scorecard-draft', receivedAt, { form: { [decoded.value]: interaction.values.join(',') } });
    return ackThenEnqueue(() => interaction.deferUpdate(), job, deps);
  });
}

export async function handlePeerModal(interaction: ModalSubmitInteraction, deps: DiscordBotDeps): Promise<void> {
  const decoded = decodePeerCustomId(interaction.customId);
  const receivedAt = deps.now();
  await dispatchComponent(interaction, `modal:peer-${decoded?.action ?? 'stale'}`, deps, () => {
    if (!decoded?.threadId) throw new UserError('stale_button', STALE);
    const job =
      decoded.action === 'card'
        ? jobFrom(interaction, decoded.threadId, 'scorecard-submit', receivedAt, { form: { notes: interaction.fields.getTextInputValue(NOTES_ID) ?? '' } })
        : jobFrom(interaction, decoded.threadId, 'follow-up', receivedAt, { form: { text: interaction.fields.getTextInputValue(OWN_ID) } });
    return ackThenEnqueue(() => interaction.deferUpdate(), job, deps);
  });
}
