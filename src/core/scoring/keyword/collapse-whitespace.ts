import { Buffer } from 'node:buffer';
import { LITTLE_ENDIAN } from '../reused-arrays.ts';
import { isRegexSpace } from './sentences.ts';

/*
 * `text.replace(/\s+/g, ' ')`, for the sentences the misconception patterns read. V8 builds a
 * global replace's result from a list of parts: about 3 KB of garbage for a 130-character line
 * of a keyword list. Here the units are written into one reused buffer and made a string in one
 * native call (two bytes a unit only when a unit needs them).
 */

/** Longer texts are collapsed by the regex: sentences are far shorter. */
const MAX_REUSED_UNITS = 16 * 1024;
const SPACE = 32;
let buffer = Buffer.allocUnsafeSlow(0);

export function collapseWhitespace(text: string): string {
  if (!LITTLE_ENDIAN || text.length > MAX_REUSED_UNITS) return text.replace(/\s+/g, ' ');
  if (buffer.length < text.length * 2) buffer = Buffer.allocUnsafeSlow(Math.min(MAX_REUSED_UNITS, Math.max(text.length, 1024)) * 2);
  // allocUnsafeSlow buffers own their memory from offset 0, so the view is aligned.
  const units = new Uint16Array(buffer.buffer, buffer.byteOffset, text.length);
  let length = 0;
  let inSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = isRegexSpace(code);
    if (!space) units[length++] = code;
    else if (!inSpace) units[length++] = SPACE;
    inSpace = space;
  }
  return buffer.toString('utf16le', 0, length * 2);
}
