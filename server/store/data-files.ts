// The data files of a data directory, in one list: the store writes them, and every tool that
// copies or checks a data directory (backup, restore) reads this list rather than its own. A new
// kind of data file is added here, and backups and restores cover it from then on.
//
// Not data files: sessions.json and session-secret (credentials: a restore logs everybody out),
// tandem.lock, the temporary files of a write, and the backups/ folders of earlier versions.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DataFileKind {
  /** Names the kind in messages and in the schemas of file-schemas.ts. */
  kind: 'settings' | 'glossary' | 'statement' | 'journal' | 'edition';
  /** The entry of the data directory that holds files of this kind (a file or a folder). */
  entry: string;
  /** A file's path relative to the data directory, with `/`. */
  pattern: RegExp;
}

export const DATA_FILE_KINDS: readonly DataFileKind[] = [
  { kind: 'settings', entry: 'tandem.json', pattern: /^tandem\.json$/ },
  { kind: 'glossary', entry: 'glossary.json', pattern: /^glossary\.json$/ },
  { kind: 'statement', entry: 'statements', pattern: /^statements\/[a-z0-9][a-z0-9-]{0,99}\.json$/ },
  // After the snapshots: read in this order while the server runs, a journal (which only grows)
  // holds at least what its snapshot says it has folded in.
  { kind: 'journal', entry: 'statements', pattern: /^statements\/[a-z0-9][a-z0-9-]{0,99}\.journal\.jsonl$/ },
  // Published edition versions, written once each (edition-files.ts).
  { kind: 'edition', entry: 'editions', pattern: /^editions\/[a-z0-9][a-z0-9-]{0,99}\/[A-Za-z0-9][A-Za-z0-9-]{0,99}\/[1-9][0-9]{0,8}\.json$/ },
];

/** The entries of a data directory a restore replaces as a whole. */
export const DATA_ENTRIES: readonly string[] = [...new Set(DATA_FILE_KINDS.map((k) => k.entry))];

/** Where the files of a kind live in the data directory. */
export function entryOf(kind: DataFileKind['kind']): string {
  return DATA_FILE_KINDS.find((k) => k.kind === kind)!.entry;
}

/** The kind of a data file, from its path relative to the data directory (with `/`). */
export function dataFileKind(relativePath: string): DataFileKind | undefined {
  return DATA_FILE_KINDS.find((k) => k.pattern.test(relativePath));
}

/** Every data file of `dir`, as relative paths with `/`, in the order of DATA_FILE_KINDS, then by name. */
export async function listDataFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of DATA_ENTRIES) found.push(...(await filesUnder(dir, entry)));
  return found.filter((file) => dataFileKind(file) !== undefined).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const rank = (file: string) => DATA_FILE_KINDS.indexOf(dataFileKind(file)!);

/** `relative` itself when it is a file, or every file below it (backups/ folders and dot files aside). */
async function filesUnder(dir: string, relative: string): Promise<string[]> {
  const entries = await readdir(join(dir, ...relative.split('/')), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOTDIR') return 'file' as const;
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  if (entries === 'file') return [relative];
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'backups') continue;
    const path = `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await filesUnder(dir, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
