import { context, section, type SlackBlock, type SlackMessage } from './blocks.ts';
import { splitText, trimText } from '../../shared/split-text.ts';

/**
 * Slack refuses a message with more than 50 blocks, or a section whose text is over 3,000
 * characters (`invalid_blocks`). Long feedback is split, not cut: a long section becomes
 * several, broken at line ends (then at spaces), and the blocks are spread over as many
 * messages as needed. Only beyond `maxMessages` is anything dropped, with a visible "…".
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  contextText: 2_000,
  headerText: 150,
  /** The notification fallback; Slack truncates long ones anyway. */
  fallbackText: 3_000,
  /** One logical message never floods a thread. */
  maxMessages: 5,
} as const;

export { splitText, trimText };

function fitBlock(block: SlackBlock): SlackBlock[] {
  switch (block.type) {
    case 'section':
      return splitText(block.text.text, SLACK_LIMITS.sectionText).map((text) => section(text));
    case 'context':
      return [{ ...block, elements: block.elements.map((element) => ({ ...element, text: trimText(element.text, SLACK_LIMITS.contextText) })) }];
    case 'header':
      return [{ ...block, text: { ...block.text, text: trimText(block.text.text, SLACK_LIMITS.headerText) } }];
    default:
      return [block];
  }
}

const TRIMMED_NOTE = '… trimmed: this was too long for Slack.';

export function fitToLimits(message: SlackMessage): SlackMessage[] {
  const blocks = message.blocks.flatMap(fitBlock);
  const perMessage = SLACK_LIMITS.blocksPerMessage;
  const chunks: SlackBlock[][] = [];
  for (let index = 0; index < blocks.length; index += perMessage) chunks.push(blocks.slice(index, index + perMessage));
  if (chunks.length === 0) chunks.push([]);
  if (chunks.length > SLACK_LIMITS.maxMessages) {
    chunks.length = SLACK_LIMITS.maxMessages;
    const last = chunks[chunks.length - 1] as SlackBlock[];
    if (last.length >= perMessage) last.length = perMessage - 1;
    last.push(context(TRIMMED_NOTE));
  }
  const fallback = trimText(message.text, SLACK_LIMITS.fallbackText);
  return chunks.map((chunk, index) => ({
    text: index === 0 ? fallback : trimText(`${message.text} (continued, ${index + 1}/${chunks.length})`, SLACK_LIMITS.fallbackText),
    blocks: chunk,
  }));
}
