import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The default content folder: OBS_CONTENT_DIR, else `content/` in the current directory
 * when it has one, else the package's own `content/` (so `npx obs-bot` works anywhere).
 */
export function defaultContentDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OBS_CONTENT_DIR) return env.OBS_CONTENT_DIR;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
}
