import type { Readable } from 'node:stream';

/** What a CLI command may touch; tests pass their own to capture output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: Readable;
  /** True when stdin is a terminal, so prompts and colours make sense. */
  interactive: boolean;
}

export interface CliCommand {
  /** The words that select it, e.g. ['content', 'lint']. */
  path: string[];
  summary: string;
  usage: string;
  /** Returns the process exit code. Throw UserError for the user's mistakes. */
  run(args: string[], io: CliIO): Promise<number>;
}
