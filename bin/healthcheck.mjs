#!/usr/bin/env node
// Docker HEALTHCHECK: exits 0 when GET /healthz on this container answers 200 within 2 s.
// Port: the first argument, else PORT, else 3000 (the worker's compose service passes METRICS_PORT).
// Plain Node (global fetch), so the slim image needs no curl.
const port = process.argv[2] || process.env.PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
