import { AnswerText } from './answer-text.ts';
import { findRejections, rejectingCue } from './negation.ts';
import { segmentAnswer } from './sentences.ts';
import { tokenizeUnits } from './tokenize.ts';

/**
 * Whether the keyword scorer reads `idea` (a verbatim piece of `text`) as rejected by the
 * text around it: the same check a rubric point's evidence gets (negation.ts), asked of one
 * named span. It lets the negation rules be measured on their own, against passages labelled
 * "rejected" or "kept" (content/negation, `obs-bot eval negation`), apart from the rubric's
 * evidence lists. False when `idea` does not occur in `text`.
 */
export function ideaRejected(text: string, idea: string): boolean {
  const at = text.indexOf(idea);
  if (at < 0 || idea.length === 0) return false;
  const end = at + idea.length;
  const answer = AnswerText.read(text, []);
  const tokens = tokenizeUnits(answer.original, answer.units);
  const segmentation = segmentAnswer(answer, tokens);
  const rejections = findRejections(tokens, segmentation, undefined, answer);
  let first = -1;
  let last = -1;
  for (let token = 0; token < tokens.count; token += 1) {
    if ((tokens.ends[token] ?? 0) > at && (tokens.starts[token] ?? 0) < end) {
      if (first < 0) first = token;
      last = token;
    }
  }
  return first >= 0 && rejectingCue(rejections, first, last) >= 0;
}
