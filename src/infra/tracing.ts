import { context, INVALID_SPAN_CONTEXT, propagation, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { BasicTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry tracing: one command is one trace, from the adapter that received it,
 * through the BullMQ job (its W3C context travels in the job data, `trace`), to the worker
 * and each platform API call it makes.
 *
 * Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test passes an exporter): until then
 * the API's no-op tracer makes every helper below a pass-through costing almost nothing,
 * and neither the SDK nor the OTLP exporter is loaded (about 5 MB of a worker's idle RSS).
 */
export type TraceCarrier = Record<string, string>;

let provider: BasicTracerProvider | undefined;

export interface StartTracingOptions {
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Tests pass an in-memory exporter; spans are then exported one by one, at once. */
  exporter?: SpanExporter;
}

/** True when tracing was started. Safe to call more than once: the first call wins. */
export async function startTracing(options: StartTracingOptions): Promise<boolean> {
  if (provider) return true;
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!options.exporter && !endpoint) return false;
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }, { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor }] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
  ]);
  // Another call may have started tracing while the SDK loaded: the first call wins.
  if (provider) return true;
  let processor;
  if (options.exporter) processor = new SimpleSpanProcessor(options.exporter);
  else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    if (provider) return true;
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _HEADERS) itself and appends /v1/traces.
    processor = new BatchSpanProcessor(new OTLPTraceExporter());
  }
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || options.serviceName }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return true;
}

/** Flushes and stops tracing (process shutdown, end of a test). */
export async function stopTracing(): Promise<void> {
  if (!provider) return;
  const stopping = provider;
  provider = undefined;
  await stopping.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

function tracer(): Tracer {
  return trace.getTracer('obs-interview-bot');
}

/**
 * What `work` gets while tracing is off: the span the API's no-op tracer would make, made
 * once. Off, a span is nothing to record, and nothing to make active (the no-op context
 * manager has no context to carry): `work` runs as it is, without the wrapper's extra
 * async frame, promise and span object for every job and every platform call.
 */
const OFF_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Runs `work` inside a span that is active for everything it awaits; records failures.
 * Not `async`: with tracing off it hands back `work`'s own promise.
 */
export function inSpan<T>(name: string, kind: SpanKind, attributes: Record<string, string | number | boolean>, work: (span: Span) => Promise<T>): Promise<T> {
  if (!provider) return work(OFF_SPAN);
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : new Error(String(error)));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's context as job data (`traceparent`…), or undefined when there is none. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** Runs a job's work in a consumer span whose parent is the span that queued it. */
export function inJobSpan<T>(carrier: TraceCarrier | undefined, name: string, attributes: Record<string, string | number | boolean>, work: (span: Span) => Promise<T>): Promise<T> {
  if (!provider) return work(OFF_SPAN);
  const parent = carrier ? propagation.extract(context.active(), carrier) : context.active();
  return context.with(parent, () => inSpan(name, SpanKind.CONSUMER, attributes, work));
}

export { SpanKind };
