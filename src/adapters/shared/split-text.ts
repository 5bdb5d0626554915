/**
 * Text fitting shared by the chat renderers: every platform caps a piece of text (Slack a
 * section at 3,000 characters, Discord content at 2,000 and an embed at 4,096), and long
 * feedback is split at line ends, then at spaces, rather than cut.
 */

export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Breaks one over-long line at the last space that fits (or hard, when there is none). */
function breakLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Packs lines into chunks of at most `max` characters, keeping line breaks where it can. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n').flatMap((l) => (l.length > max ? breakLine(l, max) : [l]))) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    current = line;
  }
  if (current) chunks.push(current);
  return chunks;
}
