import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

/**
 * A private three-master Redis Cluster on loopback, from Debian's redis-server and
 * redis-cli: each node with `--cluster-enabled yes`, then `redis-cli --cluster create`.
 * Never touches a server it did not start. `unsupported` says why a cluster cannot run here
 * (no redis-server/redis-cli, or built without cluster support), so a test can skip with it.
 */
const run = promisify(execFile);

export interface PrivateCluster {
  /** `host:port` of each master, for REDIS_CLUSTER_NODES. */
  nodes: string[];
  stop(): Promise<void>;
}

/** Why a cluster cannot be started on this machine, or undefined when it can. */
export async function clusterUnsupported(): Promise<string | undefined> {
  try {
    const { stdout } = await run('redis-server', ['--version']);
    const major = Number(/v=(\d+)/.exec(stdout)?.[1] ?? 0);
    if (major < 5) return `redis-server ${major} has no "redis-cli --cluster create" (needs 5 or later)`;
  } catch {
    return 'redis-server is not installed';
  }
  try {
    const { stdout } = await run('redis-cli', ['--cluster', 'help']);
    if (!stdout.includes('create')) return 'redis-cli has no --cluster create';
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? '');
    if (!output.includes('create')) return 'redis-cli is not installed or has no --cluster support';
  }
  return undefined;
}

async function portIsFree(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster bus port (port + 10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await portIsFree(port)) && (await portIsFree(port + 10_000))) {
      taken.add(port);
      taken.add(port + 10_000);
      return port;
    }
  }
  throw new Error('no free port pair for a cluster node');
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ask(port: number, command: string, ...args: string[]): Promise<string> {
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return String(await probe.call(command, ...args));
  } finally {
    probe.disconnect();
  }
}

export async function startRedisCluster(masters = 3): Promise<PrivateCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'obs-redis-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let index = 0; index < masters; index += 1) {
      const port = await clusterPort(taken);
      ports.push(port);
      const nodeDir = path.join(dir, String(port));
      await mkdir(nodeDir, { recursive: true });
      children.push(
        spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', path.join(nodeDir, 'nodes.conf'), '--cluster-node-timeout', '5000', '--dir', nodeDir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
          { stdio: 'ignore' },
        ),
      );
    }
    for (const port of ports) await waitUntil(async () => (await ask(port, 'PING')) === 'PONG', `node ${port} to answer`, 15_000);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 60_000 });
    for (const port of ports) await waitUntil(async () => (await ask(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'), `node ${port} to see the cluster ok`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes: ports.map((port) => `127.0.0.1:${port}`), stop };
}
