/**
 * The parts of a question and the labels that introduce them. Matching is loose on purpose
 * ("Trade-offs", "Tradeoffs:", "Key Trade-offs"), so guides written by other people still import.
 */
export type PartKey = 'summary' | 'deepAnswer' | 'tradeOffs' | 'functional' | 'nonFunctional' | 'tip';

export const PART_KEYS: readonly PartKey[] = ['summary', 'deepAnswer', 'tradeOffs', 'functional', 'nonFunctional', 'tip'];

/** How warnings name each part: the labels of the reference guide. */
export const PART_NAMES: Record<PartKey, string> = {
  summary: 'Summary',
  deepAnswer: 'Deep Answer',
  tradeOffs: 'Trade-offs',
  functional: 'Functional Follow-up Questions',
  nonFunctional: 'Non-Functional Follow-up Questions',
  tip: 'Interview Tip',
};

/** "Non-Functional Follow-up Questions:" -> "nonfunctionalfollowupquestions". */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Follow-ups not split into functional and non-functional; they are imported as functional. */
export function isGenericFollowUpLabel(label: string): boolean {
  return /^followups?(questions?)?$/.test(normalizeLabel(label));
}

export function partKeyForLabel(label: string): PartKey | undefined {
  const name = normalizeLabel(label);
  if (/^(summary|onelinesummary|shortanswer|tldr|overview)$/.test(name)) return 'summary';
  if (/^(deep|detailed|model|full|indepth|long)?answer$|^(solution|discussion)$/.test(name)) return 'deepAnswer';
  if (name.includes('tradeoff')) return 'tradeOffs';
  if (/^nonfunctional/.test(name) && name.includes('follow')) return 'nonFunctional';
  if (/^functional/.test(name) && name.includes('follow')) return 'functional';
  if (isGenericFollowUpLabel(label)) return 'functional';
  if (/^(interview)?tips?$|^protip$/.test(name)) return 'tip';
  return undefined;
}
