/**
 * Slack's wire format escapes `&`, `<` and `>` and wraps mentions and links in `<…>`.
 * An answer is scored and quoted back as evidence (re-escaped by the renderer), so the job
 * carries what the person saw: `<https://x|docs>` → `docs`, `<@U1>` → `@U1`, `&gt;` → `>`.
 */
export function plainTextFromSlack(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_, target: string, label: string) => (target.startsWith('@') || target.startsWith('#') ? `${target[0]}${label}` : label))
    .replace(/<!([a-z]+)(?:\^[^<>]*)?>/g, '@$1')
    .replace(/<([@#]?)([^<>]+)>/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
