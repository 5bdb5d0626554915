import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../src/infra/metrics.ts';
import '../../src/scoring/llm/metrics.ts';

const root = resolve(import.meta.dirname, '../..');

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}

describe('Grafana dashboard (ops/grafana)', () => {
  const dashboard = JSON.parse(readFileSync(resolve(root, 'ops/grafana/dashboards/obs-bot.json'), 'utf8')) as { uid: string; panels: Panel[] };
  const queries = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);

  it('queries only metrics the code exports and the recorded SLO ratios', async () => {
    const exported = new Set<string>();
    for (const metric of await registry.getMetricsAsJSON()) {
      exported.add(metric.name);
      if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_count', '_sum']) exported.add(`${metric.name}${suffix}`);
    }
    const recordingRules = parse(readFileSync(resolve(root, 'ops/prometheus/recording-rules.yml'), 'utf8')) as { groups: { rules: { record: string }[] }[] };
    const recorded = new Set(recordingRules.groups.flatMap((group) => group.rules.map((rule) => rule.record)));
    const used = queries.flatMap((expr) => [...expr.matchAll(/\b(?:obsbot|process|nodejs)[:a-z_0-9]*\b/g)].map((match) => match[0]));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((name) => !exported.has(name) && !recorded.has(name))).toEqual([]);
  });

  it('shows both SLOs and uses the provisioned Prometheus data source', () => {
    expect(queries.some((expr) => expr.includes('obsbot_command_reply_seconds_bucket{le="5"}'))).toBe(true);
    expect(queries.some((expr) => expr.includes('obsbot_daily_post_delay_seconds_bucket{le="120"}'))).toBe(true);
    const datasources = parse(readFileSync(resolve(root, 'ops/grafana/provisioning/datasources/prometheus.yml'), 'utf8')) as { datasources: { uid: string }[] };
    const uids = new Set(datasources.datasources.map((source) => source.uid));
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) expect(uids.has(panel.datasource?.uid ?? ''), panel.title).toBe(true);
  });
});
