/**
 * The text of one part of a question, as Markdown blocks: paragraphs, list items and code.
 * Each block keeps the line it starts on, so every warning can point at the guide.
 */
export interface Block {
  kind: 'paragraph' | 'bullet' | 'code';
  text: string;
  line: number;
}

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const QUOTE = /^\s*>\s?/;
const TABLE_ROW = /^\s*\|/;

/** Collects lines into blocks. A line after a list item without a blank between continues the item, as in Markdown. */
export class BlockCollector {
  readonly blocks: Block[];
  private open: Block | undefined;

  constructor(blocks: Block[]) {
    this.blocks = blocks;
  }

  text(raw: string, line: number): void {
    const content = raw.replace(QUOTE, '');
    if (content.trim() === '') {
      this.open = undefined;
      return;
    }
    const bullet = BULLET.exec(content);
    if (bullet) {
      this.start('bullet', bullet[1] ?? '', line);
    } else if (TABLE_ROW.test(content)) {
      // A table is reference material, not prose to draft points from: keep it as code.
      this.code(content, line);
    } else if (this.open && this.open.kind !== 'code') {
      this.open.text = `${this.open.text} ${content.trim()}`;
    } else {
      this.start('paragraph', content, line);
    }
  }

  /** A line inside a fenced code block (or a table). */
  code(raw: string, line: number): void {
    if (this.open?.kind === 'code') this.open.text = `${this.open.text}\n${raw}`;
    else this.start('code', raw, line);
  }

  /** Ends the open block: a blank line, a fence or a sub-heading. */
  close(): void {
    this.open = undefined;
  }

  private start(kind: Block['kind'], text: string, line: number): void {
    this.open = { kind, text: kind === 'code' ? text : text.trim(), line };
    this.blocks.push(this.open);
  }
}

/** The prose of some blocks, code left out, as one string. */
export function proseOf(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => block.kind !== 'code')
    .map((block) => block.text)
    .join(' ')
    .trim();
}
