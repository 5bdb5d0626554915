/**
 * Word lists for the phrase heuristics. They only need to be good enough to draft evidence
 * an author then edits, so they favour precision: a word missing here merely makes a phrase
 * a word longer.
 */

/** Function words: never part of a technical noun phrase. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but nor for to of in on at by from into onto through across over under between within without with ' +
    'via per as than then so such that this these those which who whom whose what when where while whether if because ' +
    'since until unless also only not no both all each every any some many more most less least much very just even too ' +
    'its it itself their them they our we you your i is are was were be been being has have had do does did can could ' +
    'should would may might must will shall rather instead like etc vs versus based other others there here how why ' +
    'up down out off about against around before after during again further once e.g i.e eg ie one two three ' +
    'behind beyond above below toward towards among along alongside despite near inside outside upon throughout except ' +
    'past whereas though although yet still already always never often usually far else everything nothing anything ' +
    'something nobody anyone someone everyone'
  ).split(' '),
);

/** Verbs that rarely double as nouns, so they always end a phrase. */
export const VERBS = new Set(
  (
    'implement implements deploy deploys configure configures use uses used ensure ensures maintain maintains enable enables ' +
    'provide provides reduce reduces prevent prevents detect detects capture captures combine combines apply applies adjust ' +
    'adjusts trigger triggers modify modifies expose exposes identify identifies inject injects restore restores avoid avoids ' +
    'correlate correlates validate validates integrate integrates compress compresses extract extracts emphasize emphasise ' +
    'demonstrate demonstrates predict predicts exceed exceeds preserve preserves overwhelm overwhelms consume consumes require ' +
    'requires generate generates include includes keep keeps make makes need needs allow allows give gives get gets take takes ' +
    'choose chooses prefer prefers explain explains describe describes discuss discusses show shows leverage leverages ' +
    'using reporting showing capturing combining including linking exposing preserving consuming causing impacting ' +
    'overwhelming maintaining reducing preventing requiring spanning generating serving avoiding adding keeping making ' +
    'having allowing ensuring enabling providing supporting exceeding focusing affecting becoming getting giving taking ' +
    'doing driving predicting identifying extracting detecting triggering adjusting modifying deploying implementing ' +
    'configuring restoring injecting choosing explaining describing discussing leveraging balancing ' +
    'survive survives shed sheds hide hides notice notices see sees find finds complain complains fill fills look looks ' +
    'become becomes acted saves spend spends grow grows let lets say says tell tells want wants mean means help helps ' +
    'go goes come comes stay stays happen happens move moves publish publishes rehearse delete deletes decide decides ' +
    'reach reaches matter matters depend depends sit sits cover covers catch catches feel feels'
  ).split(' '),
);

/** Words that open a sentence as an instruction ("Design …", "Track …") but are nouns elsewhere. */
export const LEADING_VERBS = new Set(
  (
    'design track monitor measure scale plan test build create define set run add store route mark target handle manage ' +
    'aggregate analyze analyse focus balance limit log trace alert collect tag label sample shard partition replicate ' +
    'cache index query instrument budget page report start begin think consider put export shard version review audit ' +
    'replace exclude emit send roll pick split drop retry batch encrypt redact ship push pull scrape archive downsample ' +
    'group dedupe estimate forecast automate document standardize standardise introduce adopt migrate treat tie attach ' +
    'prioritize prioritise separate watch wire propagate enrich buffer throttle cap'
  ).split(' '),
);

/** Words that trail a phrase without being part of it ("requests faster than …", "processor first"). */
export const TRAILING_MODIFIERS = new Set(
  'faster slower higher lower greater fewer cheaper older newer longer shorter bigger smaller better worse more less first last'.split(' '),
);

/** Quantity words that make a poor theme on their own ("Keep 7 days of …"). */
export const THEME_SKIP = new Set(
  'month months week weeks day days year years hour hours minute minutes second seconds quarter share ratio number lot set kind type amount fraction part way ways thing things'.split(
    ' ',
  ),
);

/** Adjectives too vague to open an evidence phrase ("appropriate storage scaling" -> "storage scaling"). */
export const GENERIC_ADJECTIVES = new Set(
  (
    'appropriate consistent custom different multiple various relevant specific proper certain particular significant ' +
    'important actual overall initial immediate new good better best key main several additional typical'
  ).split(' '),
);

/** Words ending in -ly that are not adverbs. */
const NOT_ADVERBS = new Set(
  'anomaly assembly family supply reply apply daily monthly weekly hourly yearly early friendly poly only'.split(' '),
);

export function isAdverb(lowerWord: string): boolean {
  return lowerWord.length > 4 && lowerWord.endsWith('ly') && !NOT_ADVERBS.has(lowerWord);
}

/** Acronym-shaped words that are not evidence (query keywords, units, generic ids). */
export const NOT_ACRONYMS = new Set(['and', 'or', 'not', 'tb', 'gb', 'mb', 'kb', 'pb', 'ok', 'id', 'ids', 'a', 'i', 'vs', 'faq', 'tldr']);
