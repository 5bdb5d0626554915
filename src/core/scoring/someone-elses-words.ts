/*
 * Words the answer puts in someone else's mouth: the interviewer's recap in a pasted transcript
 * ("[14:02] Interviewer (Dana): right, so you'd drop the unused metrics..."), a reviewer's
 * comment ("**reviewer-2** commented on this answer:"), a bot's reply ("bot> acknowledged"),
 * what "my interviewer said afterwards", an "AI writing assistant's feedback on your draft", a
 * role the candidate plays ("Me, as the interviewer:"), and "> " quoted blocks that come from
 * the assessor's side ("> Solution notes (interviewer copy)"). Whatever such a passage says
 * about the design, the candidate did not say it as their answer; an interviewer would not
 * count it, so it is never evidence.
 *
 * Honest answers paste the interviewer's question too ("Interviewer: how would you cut the
 * bill?"): blanking it costs nothing, and keyword-scorer's steering check (steersGrader) lets a
 * passage that only asks questions keep the rest of the answer's benefit of the doubt.
 *
 * A speaker is recognised by the shape of its label, not by phrases: a short line-start label
 * (at most two words before the role, so "Questions I'd ask the interviewer:" is no speaker, then an optional name in brackets, then
 * optionally a verb of speech or a kind of judgement) ending in ":" or ">". A role that is also
 * a design word ("model", "bot", "reviewer", "panel") is a speaker only with a verb of speech or
 * judgement in its label, or when its words talk about the answer.
 */

import { lineEnd, lineStart, paragraphEnd, type TextSpan } from './text-geometry.ts';

export const REASON_SOMEONE_ELSE = "someone else's words";

type Span = TextSpan;

/** Roles that only ever speak about an interview. */
const STRONG_ROLE = String.raw`(?:interviewers?|recruiters?|hiring (?:managers?|committee|panel|team)|bar[- ]raisers?|graders?|assessors?|examiners?|interview panel)`;
/** Roles that are also design words ("Model: ARIMA", "Incident bot: opens the channel"). */
const WEAK_ROLE = String.raw`(?:reviewers?(?:[- ]?#?\d+)?|evaluators?|panel(?:ists?)?|committee|judges?|scorers?|markers?|bots?|ai|llm|models?|assistants?|chatgpt|gpt|claude|copilot|moderators?)`;
/** What a speaker's label may add after the role: a verb of speech or a kind of judgement. */
const SPEECH = String.raw`(?:said|says|wrote|writes|commented|comments?|replied|replies|reply|added|noted|notes?|feedback|verdict|assessment|review|summary|recap|remarks?|response|copy|debrief|told me|put it)`;
/** The words a speaker's label may open with: "Me, as the", "What my", "From the". */
const MAX_WORDS_BEFORE_ROLE = 2;

/** A timestamp a chat export puts before the speaker: "[14:02]", "(2:03 pm)", "14:02:11 -". */
const TIMESTAMP = /^[ \t>*_#-]*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]\.?m\.?)?[\])]?[ \t,-]*)?/i;

const WORDS_BEFORE = String.raw`(?:[\w'’.,*-]+[ \t]+){0,${MAX_WORDS_BEFORE_ROLE}}?`;
const NAME = String.raw`(?:[ \t]*[(\[][^)\]\n]{1,30}[)\]])?`;
/** A name with the role in brackets after it: "Dana (interviewer)", "J. Park [hiring manager]". */
const NAMED_ROLE = new RegExp(String.raw`^[*_ \t]*[\w.'’-]+(?:[ \t]+[\w.'’-]+){0,2}[ \t]*[(\[][^)\]\n]{0,20}\b${STRONG_ROLE}\b[^)\]\n]{0,20}[)\]][*_ \t]*$`, 'i');
/** A label whose role is a strong one: nothing more is needed. */
const STRONG_LABEL = new RegExp(String.raw`^[*_ \t]*${WORDS_BEFORE}(?:the |my |our |your |an? )?\**${STRONG_ROLE}\**(?:['’]s?)?${NAME}(?:[ \t]+${SPEECH}\b[^\n]{0,40})?[*_ \t]*$`, 'i');
/** A weak role with a verb of speech or judgement: "reviewer-2 commented on this answer", "AI writing assistant feedback on your draft". */
const WEAK_LABEL_SPEAKING = new RegExp(String.raw`^[*_ \t]*${WORDS_BEFORE}(?:the |my |our |your |an? )?\**${WEAK_ROLE}\**(?:['’]s?)?${NAME}(?:[ \t]+[\w-]+){0,2}[ \t]+${SPEECH}\b[^\n]{0,40}[*_ \t]*$`, 'i');
/** A weak role alone: "bot>", "Reviewer:", "Model (grader):". Needs ASSESSMENT_TALK in its words. */
const WEAK_LABEL_BARE = new RegExp(String.raw`^[*_ \t]*\**${WEAK_ROLE}\**${NAME}[*_ \t]*$`, 'i');
/** A label addressed to the assessor: "speaker notes (for the assessor, not the audience)"; not "to the interviewer's point". */
const ADDRESSED_LABEL = new RegExp(String.raw`\b(?:for|to|attn)[ \t:]+(?:the |any |our |my |whoever is the )?(?:${STRONG_ROLE}|reviewers?|evaluators?|markers?|judges?|panel)\b(?!['’])`, 'i');

/**
 * Every label pattern above names a role: a label without one of their role words anywhere in it
 * (most lines with a colon: "Score: 10/10", a JSON key) skips them all with this one test.
 */
const ROLE_HINT = new RegExp(`${STRONG_ROLE}|${WEAK_ROLE}`, 'i');

/** Words about an answer or a candidate, rather than about a system. */
const ASSESSMENT_TALK = /\b(?:acknowledged|noted|confirm(?:s|ed)?|verified|covered|covers|satisfied|approv(?:e|ed|ing)|lgtm|scor(?:e|ed|es|ing)|marks?|rubric|candidate|nailed|ticked?|(?:this|the|your|my) (?:answer|response|submission|draft|write-up)|great answer|well done|everything I was looking for)\b/i;

/** A short label, its colon or ">", and what follows, on one line. */
const MAX_LABEL = 80;

/** A line that opens another speaker's turn: "Me:", "Candidate:", "[14:05] Dana:", "Q:". */
const NEXT_SPEAKER = /^[ \t>*_-]*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]*)?[\w .'’()-]{1,30}(?::|>)[ \t]/;

/** The end of a speaker's turn: its paragraph, or the line before another speaker's label. */
function turnEnd(text: string, from: number): number {
  const paragraph = paragraphEnd(text, from);
  let end = lineEnd(text, from);
  while (end < paragraph) {
    const next = end + 1;
    const nextEnd = lineEnd(text, next);
    if (NEXT_SPEAKER.test(text.slice(next, Math.min(nextEnd, next + 60)))) break;
    end = nextEnd;
  }
  return end;
}

/** The end of the run of "> " lines that starts on the line at `start`. */
function quoteRunEnd(text: string, start: number): number {
  let end = lineEnd(text, start);
  while (end < text.length && /^[ \t]*>/.test(text.slice(end + 1, end + 9))) end = lineEnd(text, end + 1);
  return end;
}

/** Where a label ends: the first ":" or ">" after the timestamp, within MAX_LABEL characters; -1 if none. */
function labelEnd(line: string, from: number): number {
  for (let index = from; index < line.length && index - from <= MAX_LABEL; index += 1) {
    const code = line.charCodeAt(index);
    // ":" not inside a time ("14:02") or a URL ("https://"); ">" right after a word ("bot>").
    if (code === 58 && !/\d/.test(line.charAt(index + 1)) && line.charAt(index + 1) !== '/') return index;
    if (code === 62 && index > from && /\w/.test(line.charAt(index - 1))) return index;
  }
  return -1;
}

/** The first ">" right after a letter or digit ("bot>", not "->") at or after `from`; -1 if none. */
function nextAngleMark(text: string, from: number): number {
  let angle = text.indexOf('>', from);
  while (angle !== -1 && (angle === 0 || !isAlphanumeric(text.charCodeAt(angle - 1)))) angle = text.indexOf('>', angle + 1);
  return angle;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Lines that open with a speaker's label, each to the end of its turn. */
function speakerTurns(text: string, spans: Span[]): void {
  let start = 0;
  // The next ">" that can end a label, kept until the scan passes it: searched again from each
  // line, it was a scan to the end of the answer per line when there is none (an "-->" is none).
  let angle = nextAngleMark(text, 0);
  while (start < text.length) {
    // Only lines with a ":" or ">" can hold a label: jump to the next one (most lines have none).
    if (angle !== -1 && angle < start) angle = nextAngleMark(text, start);
    const nextColon = text.indexOf(':', start);
    const mark = nextColon === -1 ? angle : angle === -1 ? nextColon : Math.min(nextColon, angle);
    if (mark === -1) return;
    if (lineStart(text, mark) > start) {
      start = lineStart(text, mark);
      continue;
    }
    const end = lineEnd(text, start);
    if (mark - start > MAX_LABEL + 30) {
      start = end + 1;
      continue;
    }
    const line = text.slice(start, Math.min(end, start + MAX_LABEL + 30));
    const opening = TIMESTAMP.exec(line)?.[0].length ?? 0;
    const colon = labelEnd(line, opening);
    if (colon > opening && ROLE_HINT.test(line.slice(opening, colon))) {
      const label = line.slice(opening, colon);
      // The turn (a scan of the lines after) is read only for a label that names a speaker.
      if (STRONG_LABEL.test(label) || NAMED_ROLE.test(label) || WEAK_LABEL_SPEAKING.test(label) || (WEAK_LABEL_BARE.test(label) && ASSESSMENT_TALK.test(text.slice(start + colon + 1, turnEnd(text, start))))) {
        const turn = turnEnd(text, start);
        const words = text.slice(start + colon + 1, turn);
        // A label that ends its line introduces a quote: the "> " run or the paragraph after it.
        const quoted = words.trim() === '' ? Math.max(quoteRunEnd(text, Math.min(end + 1, text.length)), paragraphEnd(text, end + 1)) : turn;
        spans.push({ start, end: Math.max(quoted, end), reason: REASON_SOMEONE_ELSE });
        start = Math.max(quoted, end) + 1;
        continue;
      }
      if (ADDRESSED_LABEL.test(label)) {
        spans.push({ start, end: Math.max(paragraphEnd(text, start), end), reason: REASON_SOMEONE_ELSE });
        start = Math.max(paragraphEnd(text, start), end) + 1;
        continue;
      }
    }
    start = end + 1;
  }
}

/** Who is on the assessor's side of an interview, or the candidate seen from there. */
const ASSESSOR_SIDE = /\b(?:interviewers?|candidates?|graders?|grading|evaluators?|assessors?|examiners?|rubric|marking|hiring|recruiters?|answer key|mark scheme)\b/i;

/** "> " quoted blocks that come from the assessor's side: the whole run of quoted lines. */
function assessorQuotes(text: string, spans: Span[]): void {
  for (let quote = text.indexOf('>'); quote !== -1; quote = text.indexOf('>', quote + 1)) {
    // Only a ">" with nothing but blanks before it on its line opens a quote ("->" does not).
    let start = quote;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start -= 1;
    if (start > 0 && text.charCodeAt(start - 1) !== 10) continue;
    const end = quoteRunEnd(text, start);
    if (ASSESSOR_SIDE.test(text.slice(start, end))) spans.push({ start, end, reason: REASON_SOMEONE_ELSE });
    quote = end;
  }
}

export function someoneElsesWords(text: string, spans: Span[]): void {
  if (text.includes(':') || text.includes('>')) speakerTurns(text, spans);
  if (text.includes('>')) assessorQuotes(text, spans);
}

/**
 * Whether a passage of someone else's words only asks questions (the interviewer's prompt pasted
 * as context), which says nothing about how the answer should be graded.
 */
export function onlyAsks(passage: string): boolean {
  return passage.includes('?') && !/[.!](?:\s|$)/.test(passage.trim());
}
