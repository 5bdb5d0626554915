export { parseObsCommand, RESERVED_COMMANDS } from './grammar.ts';
export type { ObsCommand, ObsCommandKind, ReservedCommandName } from './grammar.ts';
export { helpText, usageLines } from './help.ts';
export type { HelpOptions } from './help.ts';
