/**
 * The few Block Kit shapes we build, typed narrowly so the limits code can reason about
 * them. They are structurally valid `KnownBlock`s for @slack/web-api.
 */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

export interface DividerBlock {
  type: 'divider';
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export type SlackBlock = SectionBlock | HeaderBlock | ContextBlock | DividerBlock | ActionsBlock;

/** One Slack message: blocks plus the plain-text fallback notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** What one part renders to before the parts of a message are joined and fitted to limits. */
export interface RenderedPart {
  /** A short plain-text line for the notification fallback. */
  summary: string;
  blocks: SlackBlock[];
}

/**
 * Escapes the three characters Slack treats as markup (`<@U1>`, `<!channel>`, links), so
 * text a user wrote, quoted back as evidence, can never ping a channel or forge a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

export function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export { topicLabel } from '../../shared/topic-label.ts';

/** A quoted phrase from an answer: escaped, on one line, curly quotes. */
export function quote(text: string, max = 280): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return `“${escapeMrkdwn(short)}”`;
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}
