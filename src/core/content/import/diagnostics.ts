import { clip } from './text.ts';

/** Something the importer could not find or use, tied to a guide line when there is one. */
export interface ImportDiagnostic {
  severity: 'warning' | 'error';
  line: number | undefined;
  message: string;
}

export function warning(line: number | undefined, message: string): ImportDiagnostic {
  return { severity: 'warning', line, message };
}

export function error(line: number | undefined, message: string): ImportDiagnostic {
  return { severity: 'error', line, message };
}

/** Compiler style, so editors can jump to it: `guide.md:142: warning: …`. */
export function formatDiagnostic(file: string, diagnostic: ImportDiagnostic): string {
  const where = diagnostic.line === undefined ? file : `${file}:${diagnostic.line}`;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}`;
}

/** How messages name a question: its text, shortened, in quotes. */
export function questionLabel(title: string): string {
  return `"${clip(title, 70)}"`;
}
