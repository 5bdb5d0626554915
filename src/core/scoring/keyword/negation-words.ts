import { NEGATIONS } from './function-words.ts';

/*
 * The vocabulary of rejection, in normalised form (lower case, no apostrophes). See
 * negation.ts for how each kind is used.
 */

/** Reject what follows: "not X", "no X", "without X", "avoid X", "skip X". */
export const FORWARD_NEGATORS: ReadonlySet<string> = new Set([
  ...NEGATIONS, 'no', 'nor', 'without', 'avoid', 'avoids', 'avoiding', 'avoided', 'skip', 'skips',
  'skipping', 'skipped', 'against', 'ditch', 'ditching', 'abandon', 'abandoning', 'forgo', 'forego',
  'none',
]);

/**
 * "no X is dropped", "none of the errors are lost": a subject negator whose clause ends in a loss
 * keeps X (the double negative, spelled passively). Checked only for these subject negators.
 */
export const SUBJECT_NEGATORS: ReadonlySet<string> = new Set(['no', 'none']);
export const PASSIVE_LOSSES: ReadonlySet<string> = new Set([
  'lost', 'dropped', 'missed', 'discarded', 'deleted', 'thrown', 'sampled', 'truncated', 'skipped',
]);

/** "we'd pass on X", "let's pass on X": "pass on" rejects only after these (not "each hop passes on the context"). */
export const PASS_ON_OPENERS: ReadonlySet<string> = new Set(['would', 'wed', 'id', 'will', 'ill', 'lets', 'can', 'could', 'should', 'happily', 'just']);

/** "Forget X" rejects X at the start of a sentence or after these ("just forget X", "we can forget X"). */
export const FORGET_OPENERS: ReadonlySet<string> = new Set(['just', 'lets', 'can', 'could', 'would', 'wed', 'id', 'ill', 'so', 'and', 'honestly']);

/**
 * Words that can stand between the start of a sentence and a dismissal without naming what is
 * dismissed ("Honestly overkill", "We'd ditch both", "I think it's pointless"): when only these
 * precede it, the dismissal is about the sentence before ("Tail sampling? Honestly overkill.").
 */
export const DISMISSAL_LEAD_WORDS: ReadonlySet<string> = new Set([
  'honestly', 'frankly', 'personally', 'probably', 'definitely', 'totally', 'simply', 'pretty', 'quite',
  'seems', 'sounds', 'feels', 'think', 'id', 'wed', 'ill', 'lets', 'let', 'imo', 'imho', 'mostly',
  'likely', 'kinda', 'bit', 'little', 'overall', 'seem', 'sound', 'feel', 'guess', 'say', 'thats', 'its', 'entirely',
]);

/** Reject what follows up to "with"/"by": "replace X with Y" rejects X and keeps Y. */
export const REPLACERS: ReadonlySet<string> = new Set(['replace', 'replaces', 'replacing', 'replaced']);

/** Reject what came before in the clause: "X is overkill", "X is wrong". */
export const BACKWARD_REJECTORS: ReadonlySet<string> = new Set([
  'overkill', 'unnecessary', 'needless', 'pointless', 'useless', 'misleading', 'wrong', 'wasteful',
  'antipattern', 'mistake', 'counterproductive', 'unneeded', 'overengineering', 'overengineered',
  'guesswork', 'wasted', 'unethical', 'bureaucracy', 'bureaucratic', 'fragile', 'brittle', 'hostile',
  'risky', 'dangerous', 'noise', 'rigid', 'theatre', 'theater', 'hype', 'unrealistic', 'naive',
  'premature', 'excessive', 'impractical', 'unworkable', 'overblown', 'overcomplicated',
  'luxury', 'distraction', 'footgun', 'herring', 'overhyped',
  // "X is a pain to maintain", "X was a nightmare": what living with the idea costs.
  'pain', 'painful', 'nightmare', 'headache', 'hassle',
  // "X is a buzzword", "X is trivia", "X is a bikeshed", "X is cute but...": dismissive verdicts on the subject.
  'buzzword', 'trivia', 'bikeshed', 'bikeshedding', 'gimmick', 'upsell', 'fad', 'fluff', 'fantasy', 'fiction', 'vanity', 'cute',
  'silly', 'absurd', 'ridiculous', 'nonsense', 'wishful', 'minefield',
]);

/** Rejects the subject after "would"/"will": "X would annoy teams". */
export const AFTER_MODAL_REJECTORS: ReadonlySet<string> = new Set(['annoy', 'frustrate', 'confuse', 'double', 'triple', 'stall', 'cripple', 'bloat', 'hurt']);

/** "X can wait", "X is out": rejections spelled with an everyday word after a verb. */
export const VERB_THEN_REJECTOR: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['wait', new Set(['can', 'could', 'will'])],
  ['out', new Set(['is', 'are', 'also', 'definitely', 'totally'])],
]);

/** Multi-word negators: the rejection starts after the last word ("steer away from X", "get rid of X"). */
export const PHRASE_NEGATORS: readonly (readonly string[])[] = [
  ['steer', 'away', 'from'], ['stay', 'away', 'from'], ['move', 'away', 'from'], ['get', 'rid', 'of'],
  ['push', 'back', 'on'], ['do', 'away', 'with'], ['not', 'a', 'fan', 'of'], ['against', 'using'],
  ['drop', 'the', 'idea', 'of'], ['scrap', 'the', 'idea', 'of'], ['forget', 'the', 'idea', 'of'], ['give', 'up', 'on'],
  ['hold', 'off', 'on'], ['put', 'off'], ['decided', 'against'], ['decide', 'against'], ['no', 'point', 'in'],
  ['steer', 'clear', 'of'], ['stay', 'clear', 'of'], ['keep', 'clear', 'of'], ['argue', 'against'],
];

/** After "not" these reject the subject, not what follows: "X is not needed", "X doesn't scale". */
export const NOT_BACKWARD: ReadonlySet<string> = new Set([
  'needed', 'necessary', 'required', 'worth', 'scale', 'scales', 'work', 'works', 'useful', 'helpful',
  'viable', 'suitable', 'appropriate', 'accurate', 'reliable', 'meaningful', 'valid', 'correct',
  'right', 'ideal', 'good', 'great', 'wise', 'sensible', 'recommended', 'advisable', 'feasible',
  'practical', 'help', 'helps', 'concern', 'problem', 'issue', 'worry', 'priority', 'important', 'relevant',
  'something', 'fly', 'happen', 'happening', 'realistic', 'affordable', 'option',
  // "X isn't my style", "X is not our thing", "X isn't my first choice".
  'style', 'thing', 'choice', 'cup',
]);

/** "too X" rejects the subject when X is a cost: "tail sampling is too expensive for us". */
export const TOO_COSTLY: ReadonlySet<string> = new Set([
  'expensive', 'costly', 'slow', 'noisy', 'complex', 'complicated', 'heavy', 'risky', 'fragile', 'much',
  'rigid', 'unlikely', 'brittle',
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
  'affecting', 'flood', 'flooding', 'spam',
  'sampling', 'sample', 'sampled', 'truncate', 'truncating', 'downsample', 'downsampling',
]);

/** "edges not seen for a week", "dashboards never viewed": "not" describing data, rejecting nothing. */
export const NOT_DESCRIBING: ReadonlySet<string> = new Set([
  'seen', 'queried', 'touched', 'accessed', 'viewed', 'read', 'opened', 'referenced', 'called', 'updated', 'declared',
]);

/** "wouldn't use / bother with / build X, Y or Z": after these, "not" rejects a list of things. */
export const NOT_BEFORE_OBJECT: ReadonlySet<string> = new Set([
  'use', 'bother', 'build', 'run', 'adopt', 'add', 'need', 'want', 'deploy', 'introduce', 'buy', 'rely',
  'do', 'pay', 'invest', 'recommend', 'start', 'implement', 'spend', 'go', 'keep', 'set', 'put', 'bring',
  'fan', 'worth', 'care', 'track', 'alert', 'page', 'chase', 'maintain', 'ship', 'store',
]);

/** Words skipped when looking at what follows a negator ("don't ever drop", "not to lose"). */
export const FILLER_AFTER_NEGATOR: ReadonlySet<string> = new Set([
  'ever', 'really', 'to', 'be', 'we', 'i', 'you', 'they', 'even', 'want', 'wanna', 'need', 'have', 'the', 'a', 'an', 'any', 'at', 'all',
  'my', 'our',
]);

/** Words that say nothing about what was rejected: "I'm against it too", "no need for it either". */
export const EMPTY_SCOPE_WORDS: ReadonlySet<string> = new Set([
  'need', 'for', 'it', 'them', 'that', 'this', 'those', 'either', 'too', 'also', 'any', 'of', 'one',
  'here', 'there', 'now', 'really', 'at', 'all', 'as', 'well', 'so', 'much', 'personally', 'honestly',
  'both', 'these', 'entirely', 'completely', 'altogether', 'anyway', 'anyways', 'either', 'everything',
  'pay', 'bother', 'do', 'doing', 'spend', 'invest', 'worry', 'care', 'want', 'go',
  // "I'd skip all three", "I wouldn't start there", "likewise not": they point back at what was named.
  'two', 'three', 'four', 'start', 'there', 'likewise', 'similarly',
]);

/** Where a rejection's reach stops, looking back from "X is overkill": a new clause only, not "and" or "we". */
export const BACKWARD_BREAKERS: ReadonlySet<string> = new Set([
  'but', 'however', 'whereas', 'while', 'although', 'though', 'because', 'since', 'so', 'which',
  'then', 'yet', 'unless', 'until', 'except', 'instead', 'rather', 'otherwise', 'therefore', 'thus',
  'hence', 'if', 'when',
]);

/**
 * Where a rejection's reach stops inside a sentence: a new clause ("but", "because", "we"...).
 * "instead of head sampling we use tail sampling" rejects head sampling and keeps tail sampling.
 */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  'but', 'however', 'whereas', 'while', 'although', 'though', 'because', 'since', 'so', 'which',
  'then', 'yet', 'unless', 'until', 'except', 'we', 'i', 'you', 'they', 'our', 'us', 'instead',
  'wed', 'youd', 'theyd', 'weve', 'youve', 'theyve', 'ive', 'im',
  'rather', 'otherwise', 'therefore', 'thus', 'hence', 'and', 'plus', 'also',
]);

/** "X would be nice, but we won't": a concession followed by "but" rejects what came before. */
export const CONCESSIONS: ReadonlySet<string> = new Set(['nice', 'ideal', 'lovely', 'tempting']);

/** "X is more ceremony than we need": comparatives that, with "than we need", dismiss X. */
export const COMPARATIVES: ReadonlySet<string> = new Set(['more', 'bigger', 'heavier', 'larger', 'fancier', 'further']);
/** What "than (we) ..." must reach for the comparative to be a dismissal. */
export const NEED_WORDS: ReadonlySet<string> = new Set([
  'need', 'needs', 'needed', 'necessary', 'required', 'warranted', 'justified', 'want', 'worth', 'deserves',
]);

/** "Escalation chains? Drop them.": imperatives that reject the sentence before when their object is a pronoun. */
export const IMPERATIVE_DROPS: ReadonlySet<string> = new Set(['drop', 'scrap', 'kill', 'cut', 'remove', 'nix', 'bin']);
export const PRONOUN_OBJECTS: ReadonlySet<string> = new Set(['it', 'them', 'that', 'those', 'these', 'both', 'all']);

/** "Not for a team our size.", "No, not here.": negators that answer the sentence before when they open a sentence. */
export const SENTENCE_ANSWERS: ReadonlySet<string> = new Set(['not', 'no', 'nope', 'never']);

/** "adds unnecessary complexity": verbs before which an adjective still dismisses the subject. */
export const DISMISSING_VERBS: ReadonlySet<string> = new Set(['adds', 'add', 'adding', 'introduces', 'creates', 'brings', 'causes']);

/** "X can come later", "X is for later", "X can wait until later": the word before "later" that defers X. */
export const DEFERRING: ReadonlySet<string> = new Set(['for', 'come', 'comes', 'until', 'till']);

/** "X buys us nothing", "X gains nothing", "X adds nothing": verbs before "(us) nothing" that dismiss the subject. */
export const NOTHING_VERBS: ReadonlySet<string> = new Set(['buys', 'buy', 'gains', 'gain', 'adds', 'add', 'gets', 'get', 'brings', 'bring', 'gives', 'give']);

/** "X only adds cost", "X just adds complexity": what "only/just add" must add for X to be dismissed. */
export const ADDED_COSTS: ReadonlySet<string> = new Set([
  'cost', 'costs', 'complexity', 'overhead', 'toil', 'noise', 'risk', 'friction', 'latency', 'work', 'bureaucracy', 'load',
]);
export const ADD_VERBS: ReadonlySet<string> = new Set(['add', 'adds', 'adding', 'creates', 'create', 'brings', 'bring', 'increases', 'increase']);

/** "X is what people reach for, but...": who reaches for the conventional choice the answer then sets aside. */
export const REACHERS: ReadonlySet<string> = new Set(['people', 'everyone', 'everybody', 'teams', 'most', 'others', 'folks', 'you']);

/** "Only if we ever ... would we add X": the verbs after "would we" whose object is deferred. */
export const DEFERRED_ADOPTION_VERBS: ReadonlySet<string> = new Set([
  'add', 'need', 'build', 'adopt', 'introduce', 'deploy', 'run', 'use', 'bother', 'buy', 'consider', 'invest', 'look', 'bring', 'set', 'turn',
]);

/** "metrics that aren't used": a relative clause describes data; "Kafka isn't used here" rejects Kafka. */
export const RELATIVE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'nobody', 'no', 'anyone', 'anybody', 'ever']);

/** "someone suggests X", "some will say X": an idea put in someone else's mouth (negation-discourse.ts). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'says', 'suggest', 'suggests', 'propose', 'proposes', 'argue', 'argues', 'insist', 'insists', 'recommend',
  'recommends', 'claim', 'claims', 'tell', 'tells', 'push', 'pushes',
]);
/** "we'd leave it to that team", "leave them off": handed to someone else, or left out. */
export const LEAVE_VERBS: ReadonlySet<string> = new Set(['leave']);
/** "sounds clever until", "sounds careful, but": the praise is set up to be taken back. */
export const SEEMING: ReadonlySet<string> = new Set(['sounds', 'seems', 'looks', 'sound', 'seem', 'look']);
/** "which makes X redundant", "renders X moot": what the answer already has makes X unneeded. */
export const MOOT: ReadonlySet<string> = new Set(['redundant', 'superfluous', 'moot', 'obsolete', 'unnecessary', 'pointless']);

/** Every word that can start a rejection, for the lexicon's cue bit (a cheap pre-filter). */
export const NEGATION_CUE_WORDS: ReadonlySet<string> = new Set([
  ...FORWARD_NEGATORS, ...REPLACERS, ...BACKWARD_REJECTORS, ...AFTER_MODAL_REJECTORS, ...VERB_THEN_REJECTOR.keys(),
  ...PHRASE_NEGATORS.map((phrase) => phrase[0] ?? ''), 'instead', 'rather', 'too', 'anti', 'bad', 'over',
  'pass', 'forget', 'rule', 'same', 'ditto', 'waits',
  // negation-discourse.ts's triggers, so its per-token pre-filter lets them through.
  ...SPEECH_VERBS, ...LEAVE_VERBS, ...SEEMING, ...MOOT, 'resort', 'trap', 'nothing', 'reach', 'reaches', 'only', 'nice', 'waste', 'than', 'later', 'table', 'starter', ...CONCESSIONS, ...IMPERATIVE_DROPS,
]);
