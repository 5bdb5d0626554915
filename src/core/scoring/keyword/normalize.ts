import porter2 from 'wink-porter2-stemmer';

/**
 * Word normalisation shared by rubric phrases and answers. Both sides go through exactly these
 * functions, so a rule only has to be consistent, not linguistically correct: "sampling",
 * "sampled", "samples" and "sample" all become "sampl", and that is all matching needs.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2019]/g;
const HAS_DIGIT = /\d/;
const MAX_STEMMED_LENGTH = 30;

/** Lower case, compatibility forms folded (full-width letters, ligatures), accents and apostrophes dropped. */
export function normalizeWord(raw: string): string {
  let word = raw;
  if (NON_ASCII.test(word)) word = word.normalize('NFKD').replace(COMBINING_MARKS, '');
  word = word.toLowerCase();
  return word.includes("'") || word.includes('\u2019') ? word.replace(APOSTROPHES, '') : word;
}

/**
 * Words Porter2 folds into another idea's stem ("experience" and "experiment" both become
 * "experi", "operator" and "operational" both "oper"): these keep their own light stem.
 */
const OVERSTEMMED: ReadonlySet<string> = new Set([
  'experience', 'experienced', 'experiencing', 'experiment', 'experimental', 'experimentation', 'experimenting',
  'general', 'generally', 'generate', 'generated', 'generating', 'generation', 'generic', 'operator',
  'operational', 'operating', 'operation', 'organ', 'organization', 'organisation', 'community',
  'communication', 'universal', 'universe', 'university', 'policy', 'police', 'news', 'new', 'customer',
  'custom', 'customize', 'customise', 'customized', 'customised', 'customization', 'customisation',
]);

/** Plural endings only, so acronyms in the plural ("SLOs", "PRs") meet their singular before Porter2 runs. */
function stripPlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The stem of an already normalised word: plurals stripped, then the Porter2 (Snowball
 * English) stemmer from `wink-porter2-stemmer`, which also joins derived forms, so
 * "propagate", "propagating" and "propagation" all become "propag" and a candidate who
 * describes the idea in verbs meets a rubric written in nouns.
 */
export function stemWord(word: string): string {
  // Short words are names or function words; anything with a digit ("k8s", "s3") is a name.
  if (word.length <= 3) return word;
  // "p99s" is the plural of the percentile "p99".
  if (HAS_DIGIT.test(word)) return /^p\d+s$/.test(word) ? word.slice(0, -1) : word;
  // Porter2 is slow on very long words (seconds on a 20,000-letter one) and no real word is that long.
  const singular = stripPlural(word);
  if (word.length > MAX_STEMMED_LENGTH || OVERSTEMMED.has(singular)) return singular;
  return porter2(singular);
}
