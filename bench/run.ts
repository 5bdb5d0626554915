import { BENCHES, type BenchEntry } from './index.ts';

/**
 * `npm run bench [-- name…]`: runs the benches whose names contain any of the given
 * filters (all of them without filters), one after another so they don't compete for the
 * CPU, and prints each report. Exits non-zero if a bench fails or misses its target.
 */
function select(filters: readonly string[]): BenchEntry[] {
  if (filters.length === 0) return [...BENCHES];
  const wanted = filters.map((filter) => filter.toLowerCase());
  return BENCHES.filter((entry) => wanted.some((filter) => entry.name.toLowerCase().includes(filter)));
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = select(filters);
  if (selected.length === 0) {
    console.error(`No bench matches ${filters.join(', ')}. Benches: ${BENCHES.map((entry) => entry.name).join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const entry of selected) {
    try {
      const bench = await entry.load();
      const report = await bench.run();
      console.log(`\n▶ ${report.title}${report.ok ? '' : '  ✗ target missed'}`);
      for (const line of report.lines) console.log(`  ${line}`);
      if (!report.ok) failed += 1;
    } catch (error) {
      failed += 1;
      console.error(`\n▶ ${entry.name}  ✗ failed`);
      console.error(error);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
