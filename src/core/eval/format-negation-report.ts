import type { NegationPassage, NegationSplitResult } from './measure-negation.ts';

/** How many missed and how many wrongly rejected passages the text report lists, at most. */
export const LISTED_PASSAGES = 20;

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

/** One line per passage, the idea marked, so a long list stays scannable. */
function formatPassage(passage: NegationPassage): string {
  const at = passage.text.indexOf(passage.idea);
  const marked = at < 0 ? passage.text : `${passage.text.slice(0, at)}«${passage.idea}»${passage.text.slice(at + passage.idea.length)}`;
  return `    [${passage.id}] ${marked.replace(/\s+/g, ' ').trim()}`;
}

function formatList(title: string, passages: readonly NegationPassage[]): string[] {
  if (passages.length === 0) return [`  ${title}: none`];
  const shown = passages.slice(0, LISTED_PASSAGES);
  const count = shown.length < passages.length ? `first ${shown.length} of ${passages.length}` : `${passages.length}`;
  return [`  ${title} (${count}; [id] = index in the file):`, ...shown.map(formatPassage)];
}

export function formatNegationSplit(result: NegationSplitResult): string {
  if (!result.present) return `== ${result.split}: absent (no ${result.file}) ==`;
  const { figures } = result;
  const lines = [
    `== ${result.split}: ${figures.passages} passage${figures.passages === 1 ? '' : 's'} (${result.file}) ==`,
    `  rejected ideas  ${figures.rejected}, detected ${figures.detected}, recall ${percent(figures.recall)}`,
    `  kept ideas      ${figures.kept}, wrongly rejected ${figures.wronglyRejected}, false-rejection rate ${percent(figures.falseRejectionRate)}`,
  ];
  if (result.listed) {
    lines.push(...formatList('missed', result.listed.missed), ...formatList('wrongly rejected', result.listed.wronglyRejected));
  } else {
    // Same rule as the answer eval's held-out part: counted, never named one by one.
    lines.push('  held-out passages are only counted, never listed (so nobody tunes the rules to them)');
  }
  return lines.join('\n');
}

/** Plain-text report for the terminal: one block per split. */
export function formatNegationReport(corpusDir: string, results: readonly NegationSplitResult[]): string {
  const header = `Negation corpus ${corpusDir}, checked by ideaRejected (the keyword scorer's rejection check)`;
  return [header, ...results.map(formatNegationSplit)].join('\n\n');
}
