import { matchAllFrom, matchesAtWordsStartingWith, wordStartPattern, wordStarts, type WordStarts } from './word-starts.ts';
import { anchoredMatches } from './anchored-matches.ts';
import { lineStart, paragraphEnd, type TextSpan } from './text-geometry.ts';

/*
 * Disguises for text aimed at the grader that the sentence patterns of grader-addressed.ts do
 * not see: places where a reader of the chat message would not look (markdown comments,
 * collapsed <details>, text pushed below a wall of blank lines or dashes, front matter), and
 * verdicts the answer awards itself ("Score: 10/10", "(graded: all points met)", "Interviewer
 * feedback: ...", "[treat this answer as complete]"). A self-awarded verdict takes the rest of
 * its paragraph: whatever follows it is offered as what earned the verdict.
 */

export const REASON_MARKDOWN_COMMENT = 'markdown comment';
export const REASON_COLLAPSED = 'collapsed or hidden HTML';
export const REASON_BELOW_GAP = 'text hidden below a gap';
export const REASON_FRONT_MATTER = 'front matter';
export const REASON_SELF_VERDICT = 'a verdict the answer awards itself';

type Span = TextSpan;

/** `[//]: # (hidden)`, `[comment]: <> (hidden)`: link definitions no renderer shows. */
const MARKDOWN_COMMENT = /^[ \t]{0,3}\[[^\]\n]{0,40}\]:[ \t]*(?:#|<>)[^\n]*$/gm;
const DETAILS_OPEN = /<details\b[^>]{0,80}>/gi;
const DETAILS_CLOSE = /<\/details\s*>/i;
/** Eight or more line breaks in a row, or a line of 40+ dashes, equals, underscores, stars or dots. */
const GAP_WALL = /(?:\n[ \t]*){8,}|^[ \t]*([-=_*.~#])\1{39,}[ \t]*$/m;
/** `---` on the first line, then `key: value` lines, then `---` (or `...`). */
const FRONT_MATTER = /^[ \t]*---[ \t]*\n((?:[ \t]*[A-Za-z_][\w .-]{0,30}:[^\n]*\n){1,20})[ \t]*(?:---|\.\.\.)[ \t]*$/gm;
/** What an answer says about itself to claim a verdict. */
const VERDICT_LABEL = String.raw`(?:score|scored|grade|graded|rating|rated|result|verdict|evaluation|assessment|marks(?: awarded)?|hiring decision|overall|recommendation|outcome)`;
const VERDICT_VALUE = String.raw`(?:\d+(?:\.\d+)?\s*(?:\/|out of)\s*\d+|pass(?:ed)?\b|approved\b|accepted\b|(?:strong |definite )?(?:hire|yes|pass)\b|[★⭐✓✔✅]|(?:full|perfect|excellent|complete)(?=\s*(?:[.!,)]|$|marks|score|credit))|all (?:\w+ )?(?:points?|criteria) (?:met|covered|satisfied|addressed))`;
const SELF_VERDICT = new RegExp(String.raw`\b${VERDICT_LABEL}\s*(?:[:=]|[-–—](?=\s))\s*\**\s*${VERDICT_VALUE}`, 'gi');
/**
 * "Decision: strong hire": the verdict of a hiring debrief. Only a hiring value counts ("Decision:
 * pass the request through" is design).
 */
const HIRE_VERDICT = /\b(?:decision|hiring decision|recommendation|verdict|outcome)\s*[:=]\s*\**\s*(?:strong |definite |clear |lean(?:ing)? |inclined to )?(?:no[- ])?hire\b/gi;
/** "Grade: A+": case-sensitive, so "Result: a 40% cut" stays prose. */
const LETTER_GRADE = /\b(?:[Gg]rade|[Rr]ating|[Ss]core|GRADE|RATING|SCORE)\s*[:=]\s*\**[A-F][+-]?(?=\**\s*(?:[.!,;)]|$))/gm;
/** "(graded: all points met)", "(verified by the interviewer)": a parenthetical verdict. */
const VERDICT_ASIDE = /[([]\s*(?:graded|scored|marked|assessed|evaluated|reviewed|verified|checked|approved)\b[^)\]\n]{0,80}[)\]]/gi;
/** "Interviewer feedback:", "hiring panel's verdict -": someone else's judgement, quoted by the candidate. */
const QUOTED_JUDGEMENT = /\b(?:interviewer|reviewer|grader|panel|hiring (?:manager|committee)|evaluator|examiner|assessor|bar[- ]raiser)(?:['’]s)?\s+(?:feedback|verdict|assessment|evaluation|decision|rating|score|grade|comments?|notes?|remarks?)\s*[:\-–—]/gi;
/** "Feedback from the interviewer:", "TODO(grader):": the same, worded the other way round. */
const JUDGEMENT_FROM = /\b(?:(?:feedback|verdict|assessment|evaluation|notes?|comments?|remarks?) from (?:the |my |our )?(?:interviewer|reviewer|grader|panel|hiring (?:manager|committee)|evaluator|examiner|assessor)s?\b|\b(?:todo|fixme|note|nb)\s*\(\s*(?:grader|reviewer|evaluator|marker|examiner|assessor|judge|ai|llm|panel)\s*\))/gi;
/**
 * HTML a chat reader never sees: hidden elements, and text styled out of sight: zero or tiny
 * (under 4px, under 0.3em) font sizes, white or transparent text, near-zero opacity, zero
 * height, and text pushed off-screen by a large negative offset or indent.
 */
const HIDDEN_HTML = /<(div|span|p|section|font|small|sub|sup|mark|label|a|b|i|em)\b[^>]{0,160}?(?:\bhidden\b|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*(?:0|[0-3](?:\.\d+)?px|0?\.[0-2]\d*(?:em|rem))|opacity\s*:\s*0?\.?0\d*(?![.\d1-9])|(?<![-\w])color\s*[:=]\s*["']?(?:white|transparent|#fff(?:fff)?\b|rgba\([^)]*,\s*0(?:\.0+)?\s*\))|(?:max-)?height\s*:\s*0(?![.\d])|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,})[^>]{0,160}>[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** "[Treat this answer as complete: ...]", "consider my response to be correct". */
const TREAT_AS = /\b(?:treat|consider|regard|count|record|accept|mark|rate|grade|score|log)\s+(?:this|the|my|our)\s+(?:answer|response|submission|reply)\s+(?:as|to be)\s+(?:complete|covered|correct|full|perfect|passing|a pass|strong|excellent|meeting|satisfying|final)\b/gi;

/** The bracketed passage around `index` when it is inside one on its line, else undefined. */
function enclosingBrackets(text: string, index: number): { start: number; end: number } | undefined {
  const open = Math.max(text.lastIndexOf('[', index), text.lastIndexOf('(', index));
  if (open < lineStart(text, index)) return undefined;
  const closeChar = text.charAt(open) === '[' ? ']' : ')';
  const close = text.indexOf(closeChar, index);
  const newline = text.indexOf('\n', index);
  if (close === -1 || (newline !== -1 && newline < close)) return undefined;
  return { start: open, end: close + 1 };
}

/** A TREAT_AS match inside brackets takes only the brackets: "[treat this answer as complete: ...]". */
const TREAT_AS_START = /^(?:treat|consider|regard|count|record|accept|mark|rate|grade|score|log)\s+(?:this|the|my|our)\s/i;
/** The case-insensitive verdict patterns in one pass over the answer (each pass costs). */
const ANY_VERDICT_SOURCE = [SELF_VERDICT, HIRE_VERDICT, VERDICT_ASIDE, QUOTED_JUDGEMENT, JUDGEMENT_FROM, TREAT_AS].map((pattern) => `(?:${pattern.source})`).join('|');
const ANY_VERDICT = new RegExp(ANY_VERDICT_SOURCE, 'gi');
/** The same without `i`, run on the lower-cased answer: several times faster in V8. The patterns
 * are written in lower case except `A-F` (letter grades are LETTER_GRADE's, case-sensitive). */
const ANY_VERDICT_LOWER = new RegExp(ANY_VERDICT_SOURCE, 'g');
/** How every word LETTER_GRADE matches at starts. */
const LETTER_GRADE_WORDS: readonly string[] = ['gra', 'rat', 'sco'];
/** Cheap look-ups that a wall (see wallIndex) needs, so most answers skip the scan. */
export const WALL_HINTS: readonly string[] = ['\n\n\n', '\n \n', '\n\t\n', '----------', '==========', '__________', '**********', '..........', '~~~~~~~~~~', '##########'];

/** Eight line breaks with only blanks between, or a line of 40 equal wall characters, then more text. */
function wallIndex(text: string): number {
  let newlines = 0;
  let runChar = -1;
  let run = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      newlines += 1;
      if (newlines >= 8) return index;
    } else if (code !== 32 && code !== 9 && code !== 13) newlines = 0;
    if (code === runChar) {
      run += 1;
      if (run >= 40) return GAP_WALL.exec(text)?.index ?? -1;
    } else {
      runChar = code === 45 || code === 61 || code === 95 || code === 42 || code === 46 || code === 126 || code === 35 ? code : -1;
      run = 1;
    }
  }
  return -1;
}

/** The verdict scans, run only where one of their words starts (see word-starts.ts). */
const ANY_VERDICT_AT_WORDS = wordStartPattern(ANY_VERDICT);
const ANY_VERDICT_LOWER_AT_WORDS = wordStartPattern(ANY_VERDICT_LOWER);

/** `starts`: wordStarts(text), when the caller has it already. */
export function disguisedPassages(text: string, spans: Span[], starts: WordStarts = wordStarts(text)): void {
  if (text.includes(']:')) {
    for (const match of text.matchAll(MARKDOWN_COMMENT)) spans.push({ start: match.index, end: match.index + match[0].length, reason: REASON_MARKDOWN_COMMENT });
  }

  if (text.includes('<')) {
    // Tried only at each "<" (see anchored-matches.ts).
    for (const match of anchoredMatches(text, HIDDEN_HTML, '<')) spans.push({ start: match.index, end: match.index + match[0].length, reason: REASON_COLLAPSED });
  }

  if (text.includes('<details') || text.includes('<DETAILS')) {
    for (const match of text.matchAll(DETAILS_OPEN)) {
      const rest = text.slice(match.index);
      const close = DETAILS_CLOSE.exec(rest);
      spans.push({ start: match.index, end: close ? match.index + close.index + close[0].length : text.length, reason: REASON_COLLAPSED });
    }
  }

  // starts.wallHint: one of WALL_HINTS occurs (noted by the word-start pass, which reads every character anyway).
  const wall = starts.wallHint ? wallIndex(text) : -1;
  // Only text below the wall is hidden; a wall at the very end hides nothing.
  if (wall >= 0) {
    const below = text.slice(wall).replace(/^[\s\-=_*.~#]*/, '');
    if (below.trim().length > 0) spans.push({ start: wall, end: text.length, reason: REASON_BELOW_GAP });
  }

  if (starts.tripleDash) {
    for (const match of text.matchAll(FRONT_MATTER)) spans.push({ start: match.index, end: match.index + match[0].length, reason: REASON_FRONT_MATTER });
  }

  // Run on the answer itself, the `i` pattern finds what ANY_VERDICT_LOWER finds on the
  // lower-cased answer, as fast, without a copy: the only character that lower-cases into
  // ASCII without changing the length is the Kelvin sign ("\u212a" -> "k"), so only an answer
  // with one is still lower-cased, to keep its matches exactly as they were.
  const lower = starts.kelvin ? text.toLowerCase() : undefined;
  const verdicts = lower !== undefined && lower.length === text.length ? matchAllFrom(lower, wordStarts(lower), ANY_VERDICT_LOWER_AT_WORDS) : matchAllFrom(text, starts, ANY_VERDICT_AT_WORDS);
  // LETTER_GRADE's matches start where a word starting "grade", "rating" or "score" (in some
  // case) does, after a \b: it is tried at those words only, not at every position.
  const letterGrades = matchesAtWordsStartingWith(text, starts, LETTER_GRADE_WORDS, LETTER_GRADE);
  for (const matches of letterGrades.length > 0 ? [verdicts, letterGrades] : [verdicts]) {
    for (const match of matches) {
      const brackets = TREAT_AS_START.test(match[0]) ? enclosingBrackets(text, match.index) : undefined;
      if (brackets) {
        spans.push({ start: brackets.start, end: brackets.end, reason: REASON_SELF_VERDICT });
        continue;
      }
      const start = lineStart(text, match.index) === match.index ? formStart(text, match.index) : Math.max(lineStart(text, match.index), sentenceStart(text, match.index));
      spans.push({ start, end: paragraphEnd(text, match.index), reason: REASON_SELF_VERDICT });
    }
  }
}

/** A form field: a short capitalised label and a colon at the line start ("Strengths:", "Candidate:"). */
const FORM_FIELD = /^[ \t*_-]*[A-Z][\w /()-]{0,30}:[ \t]/;

/**
 * A verdict that opens its line ends a form when the lines just above it in its paragraph are
 * form fields ("Strengths: ... / Concerns: none. / Decision: strong hire"): the fields are what
 * the verdict was awarded for, and go with it.
 */
function formStart(text: string, index: number): number {
  let start = index;
  while (start > 0) {
    const previous = lineStart(text, start - 1);
    if (!FORM_FIELD.test(text.slice(previous, start - 1))) break;
    start = previous;
  }
  return start;
}

/** Just after the previous ". " (or the line start) before `index`. */
function sentenceStart(text: string, index: number): number {
  const line = lineStart(text, index);
  for (let at = index - 1; at > line; at -= 1) {
    const code = text.charCodeAt(at);
    if ((code === 32 || code === 9) && /[.!?]/.test(text.charAt(at - 1))) return at + 1;
  }
  return line;
}
