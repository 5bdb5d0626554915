/**
 * Observability synonyms and abbreviations. In each group the first entry is the canonical
 * form and every entry means the same thing, so "OTel", "OpenTelemetry" and "open telemetry"
 * all match a rubric phrase written with any of them. Entries are plain text: they go through
 * the same tokenizer and stemmer as answers, so plurals and hyphen/space variants come free.
 *
 * Only true equivalents belong here. Related-but-different ideas (traceparent vs. W3C trace
 * context) stay apart, because two distinct phrases are stronger evidence than one repeated.
 */
const PERCENTILES = ['50', '75', '90', '95', '99'].map((n) => [
  `p${n}`,
  `${n}th percentile`,
  `${n} percentile`,
  `percentile ${n}`,
  `${n}th pct`,
]);

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['otel', 'opentelemetry', 'open telemetry'],
  ['k8s', 'kubernetes', 'kube'],
  ['slo', 'service level objective'],
  ['sli', 'service level indicator'],
  ['sla', 'service level agreement'],
  ['apm', 'application performance monitoring', 'application performance management'],
  ['rum', 'real user monitoring'],
  ['hpa', 'horizontal pod autoscaler', 'horizontal pod autoscaling', 'horizontal autoscaler'],
  ['vpa', 'vertical pod autoscaler', 'vertical pod autoscaling'],
  ['tail sampling', 'tail based sampling', 'tail sampler'],
  ['head sampling', 'head based sampling', 'head sampler'],
  ...PERCENTILES,
  ['p50', 'median'],
  ['p999', 'p99.9', '99.9th percentile', '99.9 percentile'],
  ['mttr', 'mean time to recovery', 'mean time to recover', 'mean time to restore', 'mean time to repair', 'mean time to resolve', 'mean time to resolution'],
  ['mttd', 'mean time to detect', 'mean time to detection'],
  ['pii', 'personally identifiable information', 'personal identifiable information'],
  ['tsdb', 'time series database', 'time series db', 'timeseries database'],
  ['timeseries', 'time series'],
  ['ebpf', 'extended berkeley packet filter'],
  ['rps', 'requests per second', 'request per second', 'req/s', 'qps', 'queries per second'],
  ['ttl', 'time to live'],
  ['db', 'database'],
  ['config', 'configuration'],
  ['dedup', 'deduplication', 'deduplicate', 'de duplication', 'dedupe'],
  ['autoscaling', 'auto scaling', 'autoscale', 'auto scale'],
  ['oncall', 'on call'],
  ['runbook', 'run book'],
  ['gc', 'garbage collection', 'garbage collector'],
  ['dlq', 'dead letter queue'],
  ['o11y', 'observability'],
  ['prometheus', 'prom'],
  ['latency', 'response time'],
  ['ms', 'millisecond', 'msec'],
  ['allowlist', 'allow list', 'whitelist'],
  ['denylist', 'deny list', 'blocklist', 'block list', 'blacklist'],
  ['rollup', 'roll up'],
  ['downsampling', 'down sampling', 'downsample'],
  ['backpressure', 'back pressure'],
  ['sidecar', 'side car'],
  ['daemonset', 'daemon set'],
  ['dataset', 'data set'],
  ['tradeoff', 'trade off'],
  ['%', 'percent', 'per cent', 'pct'],
];
