// Command line: accounts, API tokens, backup and restore.
//   npm run tandem -- user add NAME --role admin|editor|translator [--locales my,km]   (password on stdin)
//   npm run tandem -- token NAME                                                        (prints a new token last)
//   npm run tandem -- import FILE.md [--id ID] [--source-locale TAG]                     (a new statement)
//   npm run tandem -- backup DIR     copies every data file into DIR (new or empty); works while the server runs
//   npm run tandem -- restore DIR    checks the backup in DIR, then replaces the data files (server stopped)
//   npm run tandem -- export SID LOCALE --format xliff12|xliff20|po|json [--out FILE]
//   npm run tandem -- import-translations SID LOCALE FILE --as NAME [--dry-run] [--approve]   (scripts/interchange-cli.ts)
//   npm run tandem -- export-site DIR   every published edition as a static website; works while the server runs
// user, token, import and restore need the server stopped: one process owns a data directory at a time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/config.js';
import { DomainError } from '../server/domain/errors.js';
import { backupDataDir, restoreDataDir } from '../server/store/backup.js';
import { runInterchange } from './interchange-cli.js';

/** The services load the whole domain (a second or so): only the account commands need them. */
const accountTools = async () => ({ ...(await import('../server/main.js')), ...(await import('../server/services/accounts.js')) });

const USAGE = `Usage:
  npm run tandem -- user add NAME --role admin|editor|translator [--locales my,km]   (password read from standard input)
  npm run tandem -- token NAME
  npm run tandem -- import FILE.md [--id ID] [--source-locale TAG]
                                               (ID defaults to the file name, TAG to en)
  npm run tandem -- backup DIR    (DIR new or empty)
  npm run tandem -- restore DIR   (server stopped)
  npm run tandem -- export SID LOCALE --format xliff12|xliff20|po|json [--out FILE]
  npm run tandem -- import-translations SID LOCALE FILE --as NAME [--format xliff12|xliff20|po] [--dry-run] [--approve]
  npm run tandem -- export-site DIR   (a static website of the published editions; the server may run)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      locales: { type: 'string' },
      id: { type: 'string' },
      'source-locale': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean' },
      approve: { type: 'boolean' },
    },
  });
  const [command, sub, name] = positionals;
  const config = readConfig();
  const interchange = await runInterchange(config.dataDir, { positionals, ...values, dryRun: values['dry-run'] });
  if (interchange !== undefined) return interchange;
  if (command === 'user' && sub === 'add' && name) {
    const role = values.role;
    if (role !== 'admin' && role !== 'editor' && role !== 'translator') {
      console.error('--role must be admin, editor or translator');
      return 2;
    }
    if (process.stdin.isTTY) process.stderr.write('Password: ');
    const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
    const { openServices, createAccount } = await accountTools();
    const services = await openServices(config.dataDir);
    const locales = (values.locales ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const account = await createAccount(services, null, { name, password, role, locales });
    await services.store.close();
    console.log(`Created ${account.role} ${account.name}${account.locales.length ? ` (${account.locales.join(', ')})` : ''}`);
    return 0;
  }
  if (command === 'token' && sub) {
    const { openServices, issueToken } = await accountTools();
    const services = await openServices(config.dataDir);
    const token = await issueToken(services, sub);
    await services.store.close();
    console.log(`New API token for ${sub} (shown once; send it as "Authorization: Bearer <token>"):`);
    console.log(token);
    return 0;
  }
  if (command === 'import' && sub && positionals.length === 2) {
    const { openServices } = await accountTools();
    const { importStatement } = await import('../server/services/statements.js');
    const bytes = readFileSync(sub);
    const id = values.id ?? path.basename(sub).replace(/\.md$/i, '');
    const services = await openServices(config.dataDir);
    try {
      const statement = await importStatement(services, id, bytes, values['source-locale'] ?? 'en');
      console.log(`Imported statement ${statement.id}: ${statement.segments.length} segments`);
    } finally {
      await services.store.close();
    }
    return 0;
  }
  if (command === 'backup' && sub && positionals.length === 2) {
    const { files } = await backupDataDir(config.dataDir, sub, new Date());
    console.log(`Backed up ${files.length} data file${files.length === 1 ? '' : 's'} from ${config.dataDir} to ${path.resolve(sub)}`);
    return 0;
  }
  if (command === 'export-site' && sub && positionals.length === 2) {
    const { exportSite } = await import('../server/export-site.js');
    const { files, written } = await exportSite(config.dataDir, path.resolve(sub));
    console.log(`Exported ${files} files to ${path.resolve(sub)}; ${written.length} written, ${files - written.length} unchanged`);
    return 0;
  }
  if (command === 'restore' && sub && positionals.length === 2) {
    const { files, setAside } = await restoreDataDir(config.dataDir, sub, new Date());
    console.log(`Restored ${files.length} data file${files.length === 1 ? '' : 's'} into ${config.dataDir}; the files they replaced are in ${setAside}`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

/** A refusal in words (the English interface strings), not a message key. */
async function explain(err: unknown): Promise<string> {
  if (!(err instanceof DomainError)) return err instanceof Error ? err.message : String(err);
  const { loadI18n } = await import('../server/i18n/index.js');
  const root = path.resolve(import.meta.dirname, '..');
  const tr = (await loadI18n(path.join(root, 'locales'))).translator('en');
  return tr.t(`errors.${err.key}`, err.params);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(`tandem: ${await explain(err)}`);
    process.exit(1);
  },
);
