/*
 * Markup whose text a reader of the rendered answer never sees, beyond the HTML comments,
 * collapsed blocks and display:none elements that grader-addressed.ts and grader-disguises.ts
 * already find:
 * - the title of a markdown link or image, `[doc](https://x "text shown only on hover")`, and of
 *   a link definition, `[doc]: https://x "..."`;
 * - HTML attributes that hold prose instead of showing it: title, alt, aria-label, data-*;
 * - template-language comments, which no renderer outputs: `{# ... #}` (Jinja), `{{!-- --}}`
 *   and `{{! }}` (Handlebars), `{{/* *\/}}` (Go templates), `<%-- --%>` and `<%# %>` (JSP, ERB).
 * A person practising an interview says none of it; a grader that reads the raw text would.
 */

import { anchoredMatches } from './anchored-matches.ts';
import { paragraphEnd, type TextSpan } from './text-geometry.ts';

export const REASON_HIDDEN_MARKUP = 'text hidden in markup';

type Span = TextSpan;

/** `](url "title")`, `](url 'title')`, `](url (title))`: the title group is what is hidden. */
const LINK_TITLE = /\]\([ \t]*<?[^\s)>]*>?[ \t]+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\))[ \t]*\)/g;
/** `[id]: url "title"` at a line start. */
const DEFINITION_TITLE = /^[ \t]{0,3}\[[^\]\n]{1,60}\]:[ \t]*<?\S+>?[ \t]+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\))[ \t]*$/gm;
/** Attributes whose value is not shown: inside a tag, `title="..."`, `alt='...'`, `aria-label=...`, `data-note=...`. */
const HIDDEN_ATTRIBUTE = /<[A-Za-z][\w-]{0,20}\b[^>\n]{0,200}?\s(?:title|alt|aria-label|data-[\w-]{1,30})\s*=\s*("[^"]{1,2000}"|'[^']{1,2000}')/g;
/** Template comments: opener and closer of each language. */
const TEMPLATE_COMMENTS: readonly (readonly [string, string])[] = [
  ['{#', '#}'],
  ['{{!--', '--}}'],
  ['{{/*', '*/}}'],
  ['{{!', '}}'],
  ['<%--', '--%>'],
  ['<%#', '%>'],
];

/** A title or attribute value shorter than this is a label ("Grafana"), not a hidden passage. */
const MIN_HIDDEN_WORDS = 4;

function wordy(value: string): boolean {
  return value.trim().split(/\s+/).length >= MIN_HIDDEN_WORDS;
}

function pushGroup(match: RegExpMatchArray, spans: Span[]): void {
  const group = match[1];
  if (group === undefined || match.index === undefined || !wordy(group)) return;
  const start = match.index + match[0].lastIndexOf(group);
  spans.push({ start, end: start + group.length, reason: REASON_HIDDEN_MARKUP });
}

function templateComments(text: string, spans: Span[]): void {
  const covered: number[] = [];
  for (const [open, close] of TEMPLATE_COMMENTS) {
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + open.length)) {
      // "{{!--" also starts with "{{!": the longer opener, tried first, has taken it.
      if (covered.includes(at)) continue;
      const closing = text.indexOf(close, at + open.length);
      // An unclosed comment hides the rest of its paragraph, as an unclosed HTML comment would.
      const end = closing === -1 ? paragraphEnd(text, at) : closing + close.length;
      spans.push({ start: at, end, reason: REASON_HIDDEN_MARKUP });
      covered.push(at);
      at = end - open.length;
    }
  }
}

export function hiddenMarkup(text: string, spans: Span[]): void {
  if (text.includes('](')) for (const match of text.matchAll(LINK_TITLE)) pushGroup(match, spans);
  if (text.includes(']:')) for (const match of text.matchAll(DEFINITION_TITLE)) pushGroup(match, spans);
  // Tried only at each "<" (see anchored-matches.ts).
  if (text.includes('<') && text.includes('=')) for (const match of anchoredMatches(text, HIDDEN_ATTRIBUTE, '<')) pushGroup(match, spans);
  if (text.includes('{#') || text.includes('{{') || text.includes('<%')) templateComments(text, spans);
}
