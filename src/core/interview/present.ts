/**
 * Small text helpers every renderer shares, so Slack, Discord and the terminal say the same.
 */

/** What an answer added, one entry per quote: two points evidenced by one sentence share it. */
export function groupAdded(added: readonly { theme: string; quote: string }[]): { quote: string; themes: string[] }[] {
  const groups: { quote: string; themes: string[] }[] = [];
  for (const item of added) {
    const same = groups.find((group) => group.quote === item.quote);
    if (same) same.themes.push(item.theme);
    else groups.push({ quote: item.quote, themes: [item.theme] });
  }
  return groups;
}

/** A quote cut to a readable length at a word boundary. */
export function shortQuote(text: string, max = 140): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.lastIndexOf(' ', max - 1);
  return `${oneLine.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

export function themeList(themes: readonly string[]): string {
  const lower = themes.map((theme) => theme.toLowerCase());
  if (lower.length <= 1) return lower.join('');
  return `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`;
}
