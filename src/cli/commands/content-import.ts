import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, importGuide, type GuideImport } from '../../core/content/import/index.ts';
import { PACING_FILE, QUESTIONS_DIR } from '../../core/content/load.ts';
import { UserError } from '../../core/errors.ts';
import type { CliCommand } from '../types.ts';

/**
 * `obs-bot content import GUIDE.md [--out DIR] [--force]`: drafts content files from a
 * Markdown study guide. The drafting is pure (src/core/content/import); this file only reads
 * the guide, refuses to clobber existing files, and writes the drafts.
 */
export const DEFAULT_DRAFTS_DIR = 'content-drafts';
const usage = 'obs-bot content import GUIDE.md [--out DIR] [--force]';

interface ImportArgs {
  guide: string;
  out: string;
  force: boolean;
}

function parseImportArgs(args: string[]): ImportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UserError('bad_arguments', `${(error as Error).message}\nusage: ${usage}`, { cause: error });
  }
  if (parsed.values.help) return 'help';
  const [guide, ...extra] = parsed.positionals;
  if (guide === undefined || extra.length > 0) {
    throw new UserError('bad_arguments', `give exactly one guide file\nusage: ${usage}`);
  }
  return { guide, out: parsed.values.out ?? DEFAULT_DRAFTS_DIR, force: parsed.values.force ?? false };
}

async function readGuide(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError('guide_unreadable', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

interface Target {
  file: string;
  text: string;
}

interface Plan {
  questions: Array<Target & { id: string; points: number }>;
  pacing: Target;
}

function planFiles(result: GuideImport, out: string): Plan {
  return {
    questions: result.questions.map((question) => ({
      id: question.id,
      points: question.question.rubric.length,
      file: path.join(out, QUESTIONS_DIR, `${question.id}.yaml`),
      text: question.yaml,
    })),
    pacing: { file: path.join(out, PACING_FILE), text: result.pacingYaml },
  };
}

/** Checks every target before writing any, so a refusal leaves the folder exactly as it was. */
async function refuseOverwrites(targets: readonly Target[]): Promise<void> {
  const taken: string[] = [];
  for (const target of targets) if (await exists(target.file)) taken.push(target.file);
  if (taken.length === 0) return;
  throw new UserError(
    'draft_exists',
    `refusing to overwrite ${taken.length} existing file${taken.length === 1 ? '' : 's'} (pass --force to replace them):\n${taken.map((file) => `  ${file}`).join('\n')}`,
  );
}

async function writeTarget(target: Target, force: boolean): Promise<void> {
  try {
    // 'wx' fails if the file appeared after the check, so even a race never clobbers one.
    await writeFile(target.file, target.text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new UserError('draft_exists', `refusing to overwrite ${target.file} (pass --force to replace it)`, { cause: error });
  }
}

export const contentImportCommand: CliCommand = {
  path: ['content', 'import'],
  summary: 'Draft question files (and pacing) from a Markdown study guide, for an author to edit',
  usage,
  async run(args, io) {
    const parsed = parseImportArgs(args);
    if (parsed === 'help') {
      io.stdout(`usage: ${usage}\n  --out DIR   where to write the drafts (default ${DEFAULT_DRAFTS_DIR}/)\n  --force     replace files that already exist\n`);
      return 0;
    }
    const result = importGuide(await readGuide(parsed.guide), { sourceName: path.basename(parsed.guide) });
    for (const diagnostic of result.diagnostics) io.stderr(`${formatDiagnostic(parsed.guide, diagnostic)}\n`);
    const failed = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    if (result.questions.length === 0) return 1;

    const plan = planFiles(result, parsed.out);
    const targets = [...plan.questions, plan.pacing];
    if (!parsed.force) await refuseOverwrites(targets);
    await mkdir(path.join(parsed.out, QUESTIONS_DIR), { recursive: true });
    for (const target of targets) await writeTarget(target, parsed.force);

    for (const question of plan.questions) io.stdout(`imported ${question.id} (${question.points} rubric points) -> ${question.file}\n`);
    const pacingSource = result.pacingFromGuide ? 'from the guide' : 'default';
    io.stdout(`pacing (${result.pacing.phases.length} phases, ${pacingSource}) -> ${plan.pacing.file}\n`);
    return failed ? 1 : 0;
  },
};
