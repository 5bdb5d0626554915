import type { Question } from '../content/schema.ts';

/**
 * Whether an answer talks about something else entirely. Judged on vocabulary, not on the
 * rubric: a strong answer in its own words still shares words with the question, its
 * content or the field (span, latency, alert…), while "I like pizza and football" shares none.
 * Short replies ("not sure") are thin, not off-topic: too few words to tell.
 */
const STOP = new Set(
  'the and for that this with from have has had are was were will would could should can cannot not but you your our they them their there then than what which who whom when where why how its into onto about also just like very really much many more most some any all each every one two three other such only own same too use using used make made get got been being does did doing done over under again once here both few nor off out per via well yes okay ok thing things way ways need want think know sure mean maybe lot'.split(' '),
);

/** Words of the field that signal an on-topic answer whatever the question. */
const FIELD =
  'observability telemetry trace tracing span metric metrics log logs logging alert alerting page pager slo sli sla error latency throughput request service services queue kafka collector agent sample sampling dashboard grafana prometheus otel opentelemetry retention storage cost budget incident outage oncall capacity cardinality label index query p99 p95 percentile histogram counter gauge rate availability reliability user users customer scale traffic region cluster kubernetes database cache api endpoint deploy rollback monitor monitoring health signal debug root cause system systems data break fail failure busy load peak server host machine network store read write team engineer volume size growth design architecture component pipeline process job worker message event stream batch second minute fast slow performance memory cpu disk bandwidth limit cheap price owner tool code deploy release version config production environment number numbers percent hop hops jaeger tempo zipkin honeycomb datadog splunk elastic elasticsearch kibana loki sentry pagerduty opsgenie clickhouse thanos cortex mimir victoriametrics lightstep dynatrace vendor buy build'.split(' ');

export const MIN_WORDS_TO_JUDGE = 4;

export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/u, '');
}

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 3 && !STOP.has(word)).map(stem);
}

const vocabularies = new WeakMap<Question, Set<string>>();

function vocabularyOf(question: Question): Set<string> {
  const cached = vocabularies.get(question);
  if (cached) return cached;
  const texts = [
    question.title,
    question.summary,
    question.topic.replace(/-/g, ' '),
    ...question.rubric.flatMap((point) => [point.theme, point.point, ...point.evidence, point.probe ?? '']),
    ...question.requirements.flatMap((requirement) => [requirement.theme, requirement.point, ...requirement.evidence]),
    ...[...question.followUps.functional, ...question.followUps.nonFunctional].map((followUp) => followUp.ask),
    ...question.tradeOffs,
    ...FIELD,
  ];
  const vocabulary = new Set(texts.flatMap(contentWords));
  vocabularies.set(question, vocabulary);
  return vocabulary;
}

export function isOffTopic(question: Question, answer: string, prompt: string): boolean {
  const words = contentWords(answer);
  if (words.length < MIN_WORDS_TO_JUDGE) return false;
  const vocabulary = vocabularyOf(question);
  const promptWords = new Set(contentWords(prompt));
  const hits = words.filter((word) => vocabulary.has(word) || promptWords.has(word)).length;
  return hits === 0 || (hits <= 2 && hits / words.length < 0.08);
}
