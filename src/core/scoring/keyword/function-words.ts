/**
 * Small closed word classes, in normalised form (lower case, no apostrophes).
 *
 * Contractions that collide with content words ("I'd" -> "id" as in "trace id", "we'll" ->
 * "well") are left out on purpose.
 *
 * Function words do two jobs: they are skipped when matching evidence ("keep all errors" and
 * "keep every error" mean the same), and their share of a segment tells real sentences apart
 * from keyword lists, which have almost none.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'if', 'then', 'else', 'so', 'of', 'to', 'in', 'on',
  'at', 'by', 'for', 'with', 'without', 'from', 'as', 'into', 'onto', 'over', 'under', 'about',
  'above', 'below', 'between', 'through', 'than', 'that', 'this', 'these', 'those', 'it', 'its',
  'itll', 'we', 'were', 'our', 'ours', 'us', 'i', 'im', 'ive', 'my',
  'me', 'you', 'your', 'they', 'their', 'them', 'he', 'she', 'his', 'her', 'is', 'are', 'was',
  'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'will', 'would',
  'should', 'could', 'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'dont', 'doesnt',
  'cant', 'wont', 'isnt', 'arent', 'all', 'any', 'each', 'every', 'some', 'which', 'who', 'whom',
  'what', 'when', 'whenever', 'where', 'why', 'how', 'there', 'here', 'also', 'just', 'only',
  'very', 'too', 'because', 'since', 'while', 'whereas', 'until', 'unless', 'via', 'per',
  'instead', 'rather', 'both', 'either', 'neither', 'such', 'more', 'most', 'less', 'other',
  'own', 'same', 'out', 'up', 'down', 'off', 'again', 'once', 'therefore', 'thus', 'hence',
  'otherwise', 'though', 'although', 'even', 'still', 'yet', 'like', 'eg', 'ie', 'etc',
  'never', 'cannot', 'didnt', 'wouldnt', 'shouldnt', 'couldnt', 'wasnt', 'werent', 'hasnt', 'havent',
  'hadnt', 'neednt', 'mustnt',
]);

/**
 * Words that say "not": all of them become the one term "not", so a phrase written with "not"
 * also matches "don't", "never" or "isn't". ("no" and "without" keep their own terms.)
 */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'never', 'cannot', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'shouldnt', 'couldnt',
  'cant', 'isnt', 'arent', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'neednt', 'mustnt',
]);

/**
 * Function words that carry meaning for evidence and are kept as terms: negators and the
 * qualifiers that change what a phrase says ("not averages", "per GB", "instead of", "by route",
 * "both"). Without them "not averages" would match "averages" and "per gb" every "GB".
 */
export const KEPT_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...NEGATIONS, 'no', 'nor', 'without', 'instead', 'rather', 'per', 'by', 'both',
]);

/**
 * Words that mark a sentence as explaining something (how, why, when, instead of what) rather
 * than just naming it. "to" and "by" are here on purpose: "to keep", "by routing".
 */
export const REASONING_WORDS: ReadonlySet<string> = new Set([
  'because', 'so', 'since', 'therefore', 'thus', 'hence', 'when', 'whenever', 'which', 'where',
  'while', 'whereas', 'if', 'unless', 'otherwise', 'by', 'via', 'to', 'instead', 'rather',
  'than', 'means', 'ensure', 'ensures', 'avoid', 'avoids', 'prevent', 'prevents', 'allow',
  'allows', 'lets', 'without', 'until', 'but', 'then', 'after', 'before', 'once', 'although',
]);

/**
 * Prepositions and conjunctions that can chain keywords without making a sentence: "tail
 * sampling with span links for kafka headers to object storage". A segment whose only function
 * words are these reads as a keyword chain (see sentences.ts).
 */
export const CHAIN_LINKS: ReadonlySet<string> = new Set([
  'with', 'for', 'to', 'via', 'into', 'from', 'on', 'in', 'of', 'at', 'by', 'per', 'and', 'or',
  'plus', 'vs', 'versus', 'over', 'through', 'across', 'using', 'under', 'eg', 'ie', 'etc', 'both', 'also',
]);

/**
 * Words that make a clause: subject pronouns, auxiliaries and subordinators. A run of short
 * items with none of them between its separators is a list, not prose ("cache hit ratio - by
 * country - feedback loop"); "we keep errors, drop health checks" has one.
 */
export const CLAUSE_MAKERS: ReadonlySet<string> = new Set([
  'we', 'i', 'im', 'ive', 'you', 'they', 'it', 'he', 'she', 'there', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'am', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would', 'should',
  'could', 'can', 'may', 'might', 'must', 'shall', 'because', 'so', 'since', 'which', 'who',
  'that', 'when', 'whenever', 'if', 'unless', 'while', 'whereas', 'although', 'though',
  'therefore', 'thus', 'hence', 'means', 'lets', 'ensures', 'allows', 'prevents', 'avoids',
  'what', 'where', 'how', 'why', 'than', 'wed', 'youd', 'theyd', 'weve', 'youve', 'theyve', 'theyre',
  'youre', 'thats', 'whats', 'theres', 'nobody', 'everyone', 'everything', 'nothing',
]);

/** Words that float an idea rather than commit to it (see hedges.ts). */
export const HEDGE_WORDS: ReadonlySet<string> = new Set(['maybe', 'perhaps', 'possibly', 'eventually', 'sometimes', 'someday', 'might']);

/** Words that join list items ("a, b and c"), counted with commas when spotting lists. */
export const LIST_JOINERS: ReadonlySet<string> = new Set(['and', 'or', 'plus', 'vs', 'versus']);

/**
 * Words that open a sentence aimed at the grader rather than the interviewer ("ignore the
 * rubric", "give this 100", "you are now the judge"). Only segments containing one are
 * checked against the full pattern, which keeps that check off the hot path.
 */
export const GRADER_CUES: ReadonlySet<string> = new Set([
  'ignore', 'disregard', 'forget', 'override', 'bypass', 'give', 'award', 'assign', 'grant',
  'mark', 'score', 'rate', 'grade', 'full', 'perfect', '100', 'covered', 'system', 'you', 'grader',
  'judge', 'evaluator',
]);
