import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Pull-style line reading that works the same for a terminal and for piped input. */
export class LineReader {
  private readonly iterator: AsyncIterator<string>;

  constructor(input: Readable) {
    this.iterator = createInterface({ input, crlfDelay: Infinity, terminal: false })[Symbol.asyncIterator]();
  }

  /** The next line, or undefined at end of input. */
  async next(): Promise<string | undefined> {
    const result = await this.iterator.next();
    return result.done ? undefined : result.value;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
