#!/usr/bin/env node
// From a clone, the TypeScript sources run directly through tsx, so `npm ci` is the only set-up
// step and there is no build output to forget to regenerate.
// The Docker image instead holds src/ and workers/ compiled to JavaScript at build time
// (`npm run build`, see the Dockerfile): tsx's loader thread and its transpiling cost each
// process about 45 MB of RSS, which a fleet of workers pays many times over.
import { existsSync } from 'node:fs';

const compiled = new URL('../src/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
