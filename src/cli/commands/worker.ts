import { DEFAULTS, loadConfig } from '../../config/index.ts';
import type { CliCommand } from '../types.ts';

export const workerCommand: CliCommand = {
  path: ['worker'],
  summary: 'Run only a worker (scores answers and posts replies); run as many as you need',
  usage: 'obs-bot worker',
  async run(_args, io) {
    const config = loadConfig(process.env, { role: 'worker' });
    const { runWorker } = await import('../../main/run-worker.ts');
    const { runUntilSignal } = await import('../../main/run-until-signal.ts');
    const { DEFAULT_METRICS_PORT } = await import('../../infra/health.ts');
    const metricsPort = config.metricsPort ?? DEFAULT_METRICS_PORT;
    const worker = await runWorker(config, { metricsPort });
    io.stdout(`obs-bot worker running (/healthz, /readyz and /metrics on port ${worker.metricsPort ?? metricsPort}).\n`);
    // 0 once drained; 1 when running jobs outlast SHUTDOWN_TIMEOUT_MS (the exit is forced then).
    return await runUntilSignal([worker], { timeoutMs: config.shutdownTimeoutMs ?? DEFAULTS.shutdownTimeoutMs });
  },
};
