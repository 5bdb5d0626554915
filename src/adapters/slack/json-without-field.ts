/**
 * A JSON object's text without one of its top-level members, found by scanning the bytes,
 * so that member is never decoded or parsed.
 *
 * Why: chat.postMessage answers with the whole message echoed back (`message`: its text and
 * blocks, KBs), which the sender never reads; in the worker's profile parsing that echo was
 * the largest single cost of our own code per job. The scan only has to know where values
 * end: outside strings the structural characters are ASCII, and no byte of a multi-byte
 * UTF-8 character is ASCII, so bytes can be walked as they are.
 *
 * Anything unexpected (not an object, a member it cannot walk) gives the whole text: the
 * caller then parses exactly what it got, as before.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipSpace(bytes: Buffer, at: number): number {
  let index = at;
  while (isSpace(bytes[index])) index += 1;
  return index;
}

/** The index just past the string starting at `at` (a quote); -1 when it does not end. */
function skipString(bytes: Buffer, at: number): number {
  for (let index = at + 1; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte === BACKSLASH) index += 1;
    else if (byte === QUOTE) return index + 1;
  }
  return -1;
}

/** The index just past the value starting at `at`; -1 when it does not end. */
function skipValue(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return skipString(bytes, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let index = at; index < bytes.length; index += 1) {
      const byte = bytes[index];
      if (byte === QUOTE) {
        const end = skipString(bytes, index);
        if (end < 0) return -1;
        index = end - 1;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
    }
    return -1;
  }
  // A number, true, false or null: up to what follows it.
  for (let index = at; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte)) return index === at ? -1 : index;
  }
  return -1;
}

/** The byte range to cut so the object no longer has the member `"<field>"`; undefined when there is none to cut. */
function memberRange(bytes: Buffer, key: Buffer): [number, number] | undefined {
  let index = skipSpace(bytes, 0);
  if (bytes[index] !== OPEN_BRACE) return undefined;
  index += 1;
  let previousComma: number | undefined;
  for (;;) {
    index = skipSpace(bytes, index);
    const keyStart = index;
    if (bytes[keyStart] !== QUOTE) return undefined;
    const keyEnd = skipString(bytes, keyStart);
    if (keyEnd < 0) return undefined;
    const matches = keyEnd - keyStart === key.length && bytes.compare(key, 0, key.length, keyStart, keyEnd) === 0;
    index = skipSpace(bytes, keyEnd);
    if (bytes[index] !== COLON) return undefined;
    const valueEnd = skipValue(bytes, skipSpace(bytes, index + 1));
    if (valueEnd < 0) return undefined;
    index = skipSpace(bytes, valueEnd);
    const separator = bytes[index];
    if (separator !== COMMA && separator !== CLOSE_BRACE) return undefined;
    if (matches) {
      // Followed by another member: cut it with its comma. The last one: cut it with the comma before it.
      if (separator === COMMA) return [keyStart, skipSpace(bytes, index + 1)];
      return [previousComma ?? keyStart, valueEnd];
    }
    if (separator === CLOSE_BRACE) return undefined;
    previousComma = index;
    index += 1;
  }
}

/** Each field's key as it appears in JSON, made once. */
const keys = new Map<string, Buffer>();

export function jsonWithoutField(bytes: Buffer, field: string): string {
  let key = keys.get(field);
  if (!key) {
    key = Buffer.from(JSON.stringify(field));
    keys.set(field, key);
  }
  const range = memberRange(bytes, key);
  if (!range) return bytes.toString('utf8');
  return bytes.toString('utf8', 0, range[0]) + bytes.toString('utf8', range[1]);
}
