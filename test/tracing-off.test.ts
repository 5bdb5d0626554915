import { describe, expect, it } from 'vitest';
import { currentTraceCarrier, inSpan, SpanKind, startTracing } from '../src/infra/tracing.ts';

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('does not start, and spans are no-ops that put no trace context in job data', async () => {
    expect(await startTracing({ serviceName: 'obs-test', env: {} })).toBe(false);
    const carrier = await inSpan('enqueue command', SpanKind.PRODUCER, {}, async () => currentTraceCarrier());
    expect(carrier).toBeUndefined();
  });
});
