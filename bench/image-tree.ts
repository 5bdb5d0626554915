import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ImageTree {
  /** bin/obs-bot.mjs in the tree: it finds src/cli/main.js and runs the compiled code. */
  bin: string;
  /** Node's options from the Dockerfile's ENTRYPOINT, e.g. ["--max-semi-space-size=8"]. */
  nodeOptions: string[];
  remove(): Promise<void>;
}

/** The options between `node` and `bin/obs-bot.mjs` in the Dockerfile's exec-form ENTRYPOINT. */
export async function entrypointNodeOptions(): Promise<string[]> {
  const dockerfile = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
  const entrypoint = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  const command = entrypoint ? (JSON.parse(entrypoint) as string[]) : [];
  const bin = command.indexOf('bin/obs-bot.mjs');
  if (command[0] !== 'node' || bin < 0) throw new Error(`the Dockerfile's ENTRYPOINT is not ["node", …, "bin/obs-bot.mjs"]: ${entrypoint}`);
  return command.slice(1, bin);
}

/**
 * The runtime stage of the Dockerfile, laid out in a temporary folder without Docker:
 * `npm run build` (tsconfig.build.json) compiled into it, so src/ and workers/ hold
 * JavaScript, beside bin/, package.json, and links to content/ and node_modules/. Started
 * with `nodeOptions`, what runs from it is what a container runs.
 */
export async function buildImageTree(): Promise<ImageTree> {
  const dir = await mkdtemp(path.join(tmpdir(), 'obs-image-'));
  try {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', dir], { cwd: ROOT });
    await cp(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    await symlink(path.join(ROOT, 'content'), path.join(dir, 'content'));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { bin: path.join(dir, 'bin/obs-bot.mjs'), nodeOptions: await entrypointNodeOptions(), remove: () => rm(dir, { recursive: true, force: true }) };
}
