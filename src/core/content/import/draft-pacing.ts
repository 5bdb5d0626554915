import type { Pacing, Phase } from '../schema.ts';
import { DEFAULT_PACING } from './default-pacing.ts';
import { warning, type ImportDiagnostic } from './diagnostics.ts';
import { normalizeLabel } from './part-labels.ts';
import type { GuidePart } from './parse-guide.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { lowerFirst, stripInline } from './text.ts';
import { STOP_WORDS } from './words.ts';

/**
 * The mock-interview phases, copied from a guide's "Mock Interview Pacing" list:
 *   - Define requirements and constraints (5 minutes)
 * A range such as "(5-10 minutes)" becomes its midpoint. The prompt and nudge are drafted
 * from the phase title for the author to rewrite.
 */
export interface PacingDraft {
  pacing: Pacing;
  /** The line of the guide's pacing list, or undefined when the default was used. */
  line: number | undefined;
  diagnostics: ImportDiagnostic[];
}

const MINUTES = /\(?\s*(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(?:minutes?|mins?|m)\b\.?\s*\)?/i;
const MAX_PHASE_ID_CHARS = 40;

/** "Define requirements and constraints" -> "define-requirements-constraints". */
function idWords(title: string): string {
  return slugify(title)
    .split('-')
    .filter((word) => !STOP_WORDS.has(word))
    .join('-');
}

function phaseFrom(text: string, index: number, ids: Set<string>): Phase | undefined {
  const match = MINUTES.exec(text);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  const title = stripInline(text.replace(match[0], ' ')).replace(/[\s:,;.–—-]+$/, '').replace(/^[\s:,;.–—-]+/, '');
  if (title === '' || !(low > 0)) return undefined;
  return {
    id: uniqueSlug(idWords(title) || `phase-${index + 1}`, ids, MAX_PHASE_ID_CHARS),
    title,
    minutes: (low + high) / 2,
    // Answers per phase: about one every five minutes, at least one.
    turns: Math.max(1, Math.min(4, Math.round((low + high) / 2 / 5))),
    prompt: `${index === 0 ? "Let's begin" : 'Next'}: ${lowerFirst(title)}.`,
    nudge: `No rush. For "${lowerFirst(title)}", what is the first thing you would decide?`,
  };
}

export function draftPacing(otherParts: readonly GuidePart[]): PacingDraft {
  const part = otherParts.find((candidate) => normalizeLabel(candidate.label).includes('pacing'));
  if (!part) {
    return { pacing: DEFAULT_PACING, line: undefined, diagnostics: [warning(undefined, 'no "Mock Interview Pacing" list found; wrote the default four-phase pacing')] };
  }
  const diagnostics: ImportDiagnostic[] = [];
  const ids = new Set<string>();
  const phases: Phase[] = [];
  for (const block of part.blocks) {
    if (block.kind !== 'bullet') continue;
    const phase = phaseFrom(block.text, phases.length, ids);
    if (phase) phases.push(phase);
    else diagnostics.push(warning(block.line, `pacing item "${stripInline(block.text)}" has no duration such as "(5 minutes)"; skipped`));
  }
  if (phases.length === 0) {
    diagnostics.push(warning(part.line, `"${part.label}" has no list items with durations; wrote the default four-phase pacing`));
    return { pacing: DEFAULT_PACING, line: undefined, diagnostics };
  }
  return { pacing: { phases }, line: part.line, diagnostics };
}
