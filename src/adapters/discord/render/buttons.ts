import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord-api-types/v10';
import { encodeCustomId, type ComponentKind } from '../custom-ids.ts';
import type { ButtonRow } from './message.ts';

const LABELS: Record<ComponentKind, { label: string; emoji: string; style: ButtonStyle }> = {
  answer: { label: 'Answer', emoji: '✍️', style: ButtonStyle.Primary },
  hint: { label: 'Hint', emoji: '💡', style: ButtonStyle.Secondary },
  reveal: { label: 'Reveal key points', emoji: '🗝️', style: ButtonStyle.Secondary },
  next: { label: 'Next follow-up', emoji: '➡️', style: ButtonStyle.Secondary },
  finish: { label: 'Finish', emoji: '🏁', style: ButtonStyle.Danger },
  'mock-me': { label: 'Mock interview me on this', emoji: '🎤', style: ButtonStyle.Secondary },
  'answer-modal': { label: 'Answer', emoji: '✍️', style: ButtonStyle.Primary },
};

export function button(kind: ComponentKind, threadId: string | undefined): APIButtonComponent {
  const { label, emoji, style } = LABELS[kind];
  return { type: ComponentType.Button, style: style as ButtonStyle.Primary, label, emoji: { name: emoji }, custom_id: encodeCustomId(kind, threadId) };
}

/** Discord allows five buttons a row. */
export function buttonRows(kinds: readonly ComponentKind[], threadId: string | undefined): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let index = 0; index < kinds.length; index += 5) {
    rows.push({ type: ComponentType.ActionRow, components: kinds.slice(index, index + 5).map((kind) => button(kind, threadId)) });
  }
  return rows;
}
