import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

/**
 * The Dockerfile is linted statically (Docker does not run here): dockerfile-utils' validator
 * (the one behind the VS Code Docker language server) with every rule raised to an error,
 * then the deployment rules of issue 12, read through dockerfile-ast's parse tree.
 */
const root = resolve(import.meta.dirname, '../..');
const text = readFileSync(resolve(root, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);

const ALL_ERRORS: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** Instructions of the last build stage: the image that runs. */
function finalStage(): Instruction[] {
  const all = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const lastFrom = froms[froms.length - 1]!;
  return all.slice(all.indexOf(lastFrom));
}

const argsOf = (instruction: Instruction): string => instruction.getArgumentsContent() ?? '';

describe('Dockerfile', () => {
  it('has no lint findings (dockerfile-utils, every rule as an error)', () => {
    const findings = validate(text, ALL_ERRORS).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(findings).toEqual([]);
  });

  it('the linter flags a broken Dockerfile (so the check above can fail)', () => {
    const findings = validate('from node:20\nEXPOSE http\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\n', ALL_ERRORS);
    expect(findings.length).toBeGreaterThanOrEqual(3);
  });

  it('is multi-stage and pins its base image (no implicit :latest)', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const defaultImage = /ARG NODE_IMAGE=(\S+)/.exec(text)?.[1];
    for (const from of froms) {
      const image = from.getImageName() === '${NODE_IMAGE}' || argsOf(from).startsWith('${NODE_IMAGE}') ? defaultImage : argsOf(from).split(/\s/)[0];
      expect(image, argsOf(from)).toMatch(/^node:20[\w.-]*$/);
    }
  });

  it('installs production dependencies at build time from the lock file', () => {
    const runs = dockerfile.getInstructions().filter((i) => i.getKeyword() === 'RUN').map(argsOf);
    expect(runs.some((run) => /\bnpm ci\b/.test(run) && run.includes('--omit=dev'))).toBe(true);
    expect(runs.some((run) => /\bnpm (?:install|i)\b/.test(run))).toBe(false);
  });

  it('runs as a non-root user, with a HEALTHCHECK, and installs nothing at start', () => {
    const stage = finalStage();
    const users = stage.filter((i) => i.getKeyword() === 'USER').map(argsOf);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(?:root|0)(?::|$)/);
    const healthchecks = stage.filter((i) => i.getKeyword() === 'HEALTHCHECK').map(argsOf);
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toMatch(/CMD .*healthcheck/);
    const start = stage.filter((i) => ['CMD', 'ENTRYPOINT'].includes(i.getKeyword())).map(argsOf).join(' ');
    expect(start).toContain('bin/obs-bot.mjs');
    expect(start).not.toMatch(/npm|yarn|pnpm/);
  });

  it('copies only files that exist, and never the host node_modules or .env', () => {
    // COPY --from=<stage> copies from an earlier stage, not from the build context.
    const copies = dockerfile.getInstructions().filter((i): i is Copy => i instanceof Copy && i.getFromFlag() === null);
    expect(copies.length).toBeGreaterThan(3);
    for (const copy of copies) {
      const sources = copy.getArguments().map((argument) => argument.getValue()).slice(0, -1);
      for (const source of sources) {
        expect(existsSync(resolve(root, source)), source).toBe(true);
        expect(source).not.toMatch(/node_modules|\.env$/);
      }
    }
    const ignored = readFileSync(resolve(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toContain('node_modules');
    expect(ignored).toContain('.env');
  });

  it('the health check script named by HEALTHCHECK exists', () => {
    expect(existsSync(resolve(root, 'bin/healthcheck.mjs'))).toBe(true);
  });
});
