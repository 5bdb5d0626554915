import type { LineReader } from './line-reader.ts';

/** The end-of-answer convention, shown on screen: a line holding only a full stop. */
export const END_OF_ANSWER = '.';
export const PRACTICE_COMMANDS = ['/hint', '/skip', '/next', '/reveal', '/time', '/help', '/finish', '/quit'] as const;
export type PracticeCommand = (typeof PRACTICE_COMMANDS)[number];

export type AnswerInput =
  | { kind: 'answer'; text: string; endOfInput: boolean }
  | { kind: 'command'; command: PracticeCommand }
  /** A `/word` we don't know: never scored as an answer. */
  | { kind: 'unknown-command'; word: string }
  | { kind: 'end' };

/** A line that is one `/word` and nothing else; "/api/v1 is slow" is an answer, not a command. */
const COMMAND_LINE = /^\/[a-z][a-z-]*$/iu;

function asCommand(line: string): AnswerInput | undefined {
  const word = line.trim().toLowerCase();
  if (!COMMAND_LINE.test(word)) return undefined;
  return (PRACTICE_COMMANDS as readonly string[]).includes(word) ? { kind: 'command', command: word as PracticeCommand } : { kind: 'unknown-command', word };
}

/**
 * Reads one answer: lines until a lone ".", or end of input. A command on the first line
 * of an answer (e.g. "/hint") is returned at once.
 */
export async function readAnswer(reader: LineReader): Promise<AnswerInput> {
  const lines: string[] = [];
  for (;;) {
    const line = await reader.next();
    if (line === undefined) {
      return lines.length === 0 ? { kind: 'end' } : { kind: 'answer', text: lines.join('\n'), endOfInput: true };
    }
    if (lines.length === 0) {
      const command = asCommand(line);
      if (command) return command;
    }
    if (line.trim() === END_OF_ANSWER) return { kind: 'answer', text: lines.join('\n'), endOfInput: false };
    lines.push(line);
  }
}
