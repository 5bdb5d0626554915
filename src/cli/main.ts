/** Entry point of the `obs-bot` command. Sub-commands are registered in ./commands.ts. */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`obs-bot: not implemented yet (${argv.join(' ')})\n`);
  return 1;
}
