/** Small string helpers shared by the importer. Pure, no Markdown structure here. */

/** Drops inline Markdown that would read as noise in a chat message: bold, italics, links. Keeps `code`. */
export function stripInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(\S[^*]*?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercases the first letter unless the first word is an acronym such as "API" or "W3C". */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second !== '' && second !== second.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Cuts at a word boundary so the result, ellipsis included, fits in `max` characters. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:]+$/, '')}…`;
}

/** Like `clip`, but prefers to end at a clause (;, :, comma) so a long sentence stays readable. */
export function clipSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const clause = Math.max(room.lastIndexOf('; '), room.lastIndexOf(': '), room.lastIndexOf(', '));
  if (clause > max / 2) return `${room.slice(0, clause)}…`;
  return clip(text, max);
}

/** Removes "(…)" asides, used where a label must stay short. */
export function withoutParentheticals(text: string): string {
  return text.replace(/\s*\([^()]*\)/g, '').replace(/\s+/g, ' ').trim();
}
