import { NEGATIONS } from './function-words.ts';

/*
 * The vocabulary of rejection, in normalised form (lower case, no apostrophes). See
 * negation.ts for how each kind is used.
 */

/** Reject what follows: "not X", "no X", "without X", "avoid X", "skip X". */
export const FORWARD_NEGATORS: ReadonlySet<string> = new Set([
  ...NEGATIONS, 'no', 'nor', 'without', 'avoid', 'avoids', 'avoiding', 'avoided', 'skip', 'skips',
  'skipping', 'skipped', 'against', 'ditch', 'ditching', 'abandon', 'abandoning', 'forgo', 'forego',
]);

/** Reject what follows up to "with"/"by": "replace X with Y" rejects X and keeps Y. */
export const REPLACERS: ReadonlySet<string> = new Set(['replace', 'replaces', 'replacing', 'replaced']);

/** Reject what came before in the clause: "X is overkill", "X is wrong". */
export const BACKWARD_REJECTORS: ReadonlySet<string> = new Set([
  'overkill', 'unnecessary', 'needless', 'pointless', 'useless', 'misleading', 'wrong', 'wasteful',
  'antipattern', 'mistake', 'counterproductive', 'unneeded',
]);

/** After "not" these reject the subject, not what follows: "X is not needed", "X doesn't scale". */
export const NOT_BACKWARD: ReadonlySet<string> = new Set([
  'needed', 'necessary', 'required', 'worth', 'scale', 'scales', 'work', 'works', 'useful', 'helpful',
  'viable', 'suitable', 'appropriate', 'accurate', 'reliable', 'meaningful', 'valid', 'correct',
  'right', 'ideal', 'good', 'great', 'wise', 'sensible', 'recommended', 'advisable', 'feasible',
  'practical', 'help', 'helps',
]);

/** "too X" rejects the subject when X is a cost: "tail sampling is too expensive for us". */
export const TOO_COSTLY: ReadonlySet<string> = new Set([
  'expensive', 'costly', 'slow', 'noisy', 'complex', 'complicated', 'heavy', 'risky', 'fragile', 'much',
]);

/** "not just X", "not only X", "no matter": X is kept, not rejected. */
export const NOT_REJECTING_NEXT: ReadonlySet<string> = new Set([
  'just', 'only', 'merely', 'simply', 'necessarily', 'always', 'matter', 'longer', 'later', 'sooner',
  'less', 'fewer', 'more', 'exceed', 'exceeding', 'above', 'over', 'beyond', 'doubt', 'problem', 'surprise',
]);

/**
 * Rejecting a loss keeps the thing: "without losing errors", "never drop error traces", "don't
 * block requests". A negator followed by one of these is a double negative and rejects nothing.
 */
export const NEGATIVE_VERBS: ReadonlySet<string> = new Set([
  'lose', 'loses', 'losing', 'lost', 'loss', 'drop', 'drops', 'dropping', 'dropped', 'miss', 'misses',
  'missing', 'missed', 'break', 'breaks', 'breaking', 'broken', 'hurt', 'hurts', 'hurting', 'sacrifice',
  'sacrificing', 'discard', 'discarding', 'discarded', 'block', 'blocks', 'blocking', 'blocked',
  'degrade', 'degrading', 'degraded', 'throw', 'throwing', 'delete', 'deleting', 'forget', 'forgetting',
  'exceed', 'exceeding', 'overload', 'overloading', 'slow', 'slowing', 'fail', 'failing', 'leak',
  'leaking', 'leaks', 'blind', 'gaps', 'gap', 'delay', 'delaying', 'impact', 'impacting', 'affect',
  'affecting', 'wake', 'page', 'paging', 'flood', 'flooding', 'spam', 'noise', 'fatigue', 'cap',
  'sampling', 'sample', 'sampled', 'truncate', 'truncating', 'downsample', 'downsampling',
]);

/** Words skipped when looking at what follows a negator ("don't ever drop", "not to lose"). */
export const FILLER_AFTER_NEGATOR: ReadonlySet<string> = new Set([
  'ever', 'really', 'to', 'be', 'we', 'i', 'you', 'they', 'even', 'want', 'wanna', 'need', 'have', 'the', 'a', 'an', 'any', 'at', 'all',
]);

/**
 * Where a rejection's reach stops inside a sentence: a new clause ("but", "because", "we"...).
 * "instead of head sampling we use tail sampling" rejects head sampling and keeps tail sampling.
 */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  'but', 'however', 'whereas', 'while', 'although', 'though', 'because', 'since', 'so', 'which',
  'then', 'yet', 'unless', 'until', 'except', 'we', 'i', 'you', 'they', 'our', 'us', 'instead',
  'rather', 'otherwise', 'therefore', 'thus', 'hence', 'and', 'plus', 'also',
]);

/** Every word that can start a rejection, for the lexicon's cue bit (a cheap pre-filter). */
export const NEGATION_CUE_WORDS: ReadonlySet<string> = new Set([
  ...FORWARD_NEGATORS, ...REPLACERS, ...BACKWARD_REJECTORS, 'instead', 'rather', 'too', 'anti', 'bad',
]);
