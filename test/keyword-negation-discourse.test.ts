import { describe, expect, it } from 'vitest';
import { describeWord } from '../src/core/scoring/keyword/lexicon.ts';
import { TRIGGER_CLASSES, TRIGGERS } from '../src/core/scoring/keyword/negation-discourse.ts';
import { useContentPoint } from './helpers/content-questions.ts';

/*
 * Rejections spelled over a sentence or two (negation-discourse.ts): sarcasm answering a
 * question, rhetorical questions, ideas put in someone else's mouth, rejection by consequence,
 * conditional deferrals, verdicts on a subject longer than ten words, negative comparatives and
 * deflection. Written for this test, not taken from content/eval. Each rejected idea stays
 * uncredited; the same shapes that keep an idea still count.
 */

const pointOf = useContentPoint();

describe('rejections spelled over a sentence or two leave the idea uncredited', () => {
  it.each([
    // sarcasm answering a question
    ['metrics-high-traffic-api', 'scalable-storage', 'A horizontally scalable long-term store such as Thanos or Mimir for global queries? Sure, if we enjoyed paging ourselves about compaction.'],
    ['observability-platform-at-scale', 'meta-monitoring', "An independent meta-monitoring path with a dead man's switch? Because what a platform needs is a second platform."],
    ['service-dependency-mapping', 'graph-history', 'A time-versioned graph with an expiry window for stale edges? Whatever for; the map is live.'],
    ['payment-slo-alerting', 'automated-mitigation', 'Automated rollback and failover as the first response to a burning budget? Great idea, let a script move money at 3am.'],
    // rhetorical questions, and a doubting "Do we?"
    ['capacity-planning-forecast', 'demand-drivers', 'Do we really need to translate orders and active users into load per service with call ratios from real traffic?'],
    ['observability-cost-reduction', 'protect-debuggability', 'Some will say we need a never-cut list of errors, audit logs and SLO signals, checked through MTTR in incident reviews. Do we?'],
    // attributed to others
    ['ecommerce-business-metrics', 'causal-impact', 'Sooner or later someone suggests controlled experiments that inject latency for a share of users to measure the effect on conversion.'],
    ['capacity-planning-forecast', 'load-testing', 'Load testing the whole system with replayed production traffic to find where latency bends is what people always propose.'],
    // rejection by consequence
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace needs a gateway tier we would have to run, so it stays out.'],
    ['cdn-performance-monitoring', 'run-or-buy', 'Whether we run our own PoPs or buy the CDN from a vendor does not change the telemetry we get, so we wouldn\'t ask.'],
    ['payment-slo-alerting', 'budget-policy', 'Freezing risky releases when the error budget is spent would stall the roadmap every month.'],
    // conditional deferrals
    ['logging-10tb-day', 'compliance-integrity', 'WORM storage with object lock and hash chains would be considered if an auditor ever asked.'],
    ['error-tracking-grouping', 'deploy-correlation', 'Linking errors to releases and suspect commits by version would matter if we deployed daily, which we don\'t.'],
    ['cdn-performance-monitoring', 'closed-loop', 'Canarying each routing change against a control and rolling back automatically on regression? Only once the automation has caused an incident would that be worth building.'],
    ['service-dependency-mapping', 'hidden-edges', 'If we ever adopt a mesh, databases, queues, DNS and third-party APIs could be added to the map.'],
    // verdicts on a long subject
    ['logging-10tb-day', 'stream-analysis', 'Stream processing on the buffered logs for real-time error-spike alerts and deriving metrics from logs instead of raw text are both off the table.'],
    ['ecommerce-business-metrics', 'causal-impact', 'Deliberately injecting latency for a controlled share of users to measure conversion is cargo cult.'],
    ['ecommerce-business-metrics', 'metric-governance', 'A metrics catalogue with one governed definition and a named owner per KPI is overhead we\'d skip.'],
    ['service-dependency-mapping', 'catalog-enrichment', 'Joining the edges with the service catalogue for owners, tiers and on-call rotas is a project we\'d rather not start.'],
    ['observability-cost-reduction', 'cardinality-reduction', 'Dropping or aggregating high-cardinality labels in the pipeline is left alone.'],
    // negative comparatives and faint praise
    ['cdn-performance-monitoring', 'edge-aggregation', 'Aggregating at each PoP into histograms and sketches per dimension is less trustworthy than keeping every raw event.'],
    ['observability-cost-reduction', 'vendor-strategy', 'Renegotiating the vendor commitment and moving bulky logs to self-hosted tiered storage is riskier than paying.'],
    ['ecommerce-business-metrics', 'business-alerting', 'Comparing orders per minute with the same minute last week sounds clever until a promotion moves everything.'],
    ['payment-slo-alerting', 'multi-window', 'Pairing each long window with a short five-minute window sounds careful, but it doubles the rules.'],
    // deflection and deferral by waiting
    ['cdn-performance-monitoring', 'business-link', 'Tying latency to conversion, bounce and rebuffering is a product analytics question, and we\'d leave it to that team.'],
    ['incident-response-observability', 'stakeholder-comms', 'Status page updates to customers and stakeholders wait until the morning.'],
    ['logging-10tb-day', 'redaction', 'Redacting and tokenising PII at the source before indexing is something I\'d leave to each team.'],
    ['error-tracking-grouping', 'rich-context', 'Source maps, breadcrumbs and user context we\'d leave out, the raw message is enough.'],
    // the answer to a question replaces what it asked
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace? We keep a flat 1% at the edge instead.'],
    // passive refusals, roadmaps and short refusals
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace was considered and rejected.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace has been ruled out.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer between the agents and the indexers is not on the roadmap.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer between the agents and the indexers: not this year.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer that absorbs bursts is a solution looking for a problem.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer that absorbs bursts? Hard pass.'],
    ['logging-10tb-day', 'buffered-ingest', 'Agents ship straight to the indexers. A durable Kafka buffer that absorbs bursts? Nice in theory.'],
    ['logging-10tb-day', 'buffered-ingest', 'Who needs a durable Kafka buffer that absorbs bursts when the agents can retry?'],
    ['logging-10tb-day', 'buffered-ingest', 'Why would anyone run a durable Kafka buffer that absorbs bursts for this?'],
    ['logging-10tb-day', 'buffered-ingest', 'The agents retry on their own, which makes a durable Kafka buffer that absorbs bursts redundant.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).toBe('missed');
  });
});

describe('the same shapes keep what the answer adopts', () => {
  it.each([
    // a genuine answer to a question
    ['metrics-high-traffic-api', 'scalable-storage', 'A long-term store for global queries? Sure: we shard scraping and remote-write to Mimir, which scales horizontally.'],
    ['capacity-planning-forecast', 'demand-drivers', 'Do we really need to translate orders and active users into load per service? Yes: call ratios measured from real traffic turn the product plan into load per service.'],
    // the candidate's own voice, not someone else's
    ['ecommerce-business-metrics', 'causal-impact', 'We\'d suggest controlled experiments that inject latency for a small share of users, instead of trusting the raw correlation.'],
    // "so" clauses that go on to keep something
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling keeps every errored and slow trace plus a small random share, so we don\'t lose the rare failures.'],
    // "leave out" with its object after it is an exclusion that is the design
    ['payment-slo-alerting', 'sli-definition', 'The SLI is the share of valid payment attempts that succeed, measured at the gateway; we\'d leave out declines such as insufficient funds.'],
    // a clarifying question, and a rhetorical question answered
    ['metrics-high-traffic-api', 'scalable-storage', 'Who needs a year of history across regions? Capacity planning does, so we remote-write to Mimir, a horizontally scalable long-term store for global queries.'],
    ['tracing-100-services', 'collector-tier', 'Why would anyone run a collector tier? Because gateway collectors that route spans by trace id let sampling see whole traces.'],
    // "instead" after a statement, not a question, keeps what came before
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling keeps every errored and slow trace. For healthy traffic we keep a small random share instead.'],
    // redundancy as high availability
    ['tracing-100-services', 'collector-tier', 'Local agents forward to gateway collectors that route spans by trace id; two gateways per zone make the tier redundant.'],
    // a measurement, not a verdict
    ['payment-slo-alerting', 'automated-mitigation', 'Because 4.3 minutes a month is less than the time a person needs to acknowledge a page, the first response, a rollback or failover, is automated.'],
    // "would be added when": autoscaling describes what happens, it defers nothing
    ['metrics-high-traffic-api', 'autoscaling-signals', 'The HPA scales on in-flight requests per pod through the custom metrics adapter; pods would be added when in-flight requests pass fifty, with a stabilisation window so it does not flap.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});

describe('the per-token pre-filter', () => {
  it('lets every trigger word through (a word it turned away could never start a rule)', () => {
    const blocked = [...TRIGGERS.keys()].filter((word) => (describeWord(word).classes & TRIGGER_CLASSES) === 0);
    expect(blocked).toEqual([]);
  });
});
