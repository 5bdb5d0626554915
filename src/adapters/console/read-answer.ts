import type { LineReader } from './line-reader.ts';

/** The end-of-answer convention, shown on screen: a line holding only a full stop. */
export const END_OF_ANSWER = '.';
export const PRACTICE_COMMANDS = ['/hint', '/skip', '/reveal', '/finish'] as const;
export type PracticeCommand = (typeof PRACTICE_COMMANDS)[number];

export type AnswerInput =
  | { kind: 'answer'; text: string; endOfInput: boolean }
  | { kind: 'command'; command: PracticeCommand }
  | { kind: 'end' };

function asCommand(line: string): PracticeCommand | undefined {
  const word = line.trim().toLowerCase();
  return (PRACTICE_COMMANDS as readonly string[]).includes(word) ? (word as PracticeCommand) : undefined;
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
      if (command) return { kind: 'command', command };
    }
    if (line.trim() === END_OF_ANSWER) return { kind: 'answer', text: lines.join('\n'), endOfInput: false };
    lines.push(line);
  }
}
