// Command line: accounts and API tokens.
//   npm run tandem -- user add NAME --role admin|editor|translator [--locales my,km]   (password on stdin)
//   npm run tandem -- token NAME                                                        (prints a new token last)
// Run it while the server is stopped: one process owns a data directory at a time.
import { parseArgs } from 'node:util';
import { DomainError } from '../server/domain/errors.js';
import { createAccount, issueToken } from '../server/services/accounts.js';
import { openServices, readConfig } from '../server/main.js';

const USAGE = `Usage:
  npm run tandem -- user add NAME --role admin|editor|translator [--locales my,km]   (password read from standard input)
  npm run tandem -- token NAME`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, locales: { type: 'string' } },
  });
  const [command, sub, name] = positionals;
  const config = readConfig();
  if (command === 'user' && sub === 'add' && name) {
    const role = values.role;
    if (role !== 'admin' && role !== 'editor' && role !== 'translator') {
      console.error('--role must be admin, editor or translator');
      return 2;
    }
    if (process.stdin.isTTY) process.stderr.write('Password: ');
    const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
    const services = await openServices(config.dataDir);
    const locales = (values.locales ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    const account = await createAccount(services, null, { name, password, role, locales });
    await services.store.close();
    console.log(`Created ${account.role} ${account.name}${account.locales.length ? ` (${account.locales.join(', ')})` : ''}`);
    return 0;
  }
  if (command === 'token' && sub) {
    const services = await openServices(config.dataDir);
    const token = await issueToken(services, sub);
    await services.store.close();
    console.log(`New API token for ${sub} (shown once; send it as "Authorization: Bearer <token>"):`);
    console.log(token);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof DomainError ? `${err.key} ${JSON.stringify(err.params)}` : err instanceof Error ? err.message : String(err);
    console.error(`tandem: ${message}`);
    process.exit(1);
  },
);
