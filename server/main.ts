// Reads configuration, opens the store, imports the shipped statements, listens.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { loadI18n } from './i18n/index.js';
import { beginSetup } from './services/accounts.js';
import type { ServiceDeps } from './services/deps.js';
import { bcryptHasher, randomToken } from './services/passwords.js';
import { ensureSourceEditions, ensureStatement } from './services/statements.js';
import { assertNoUnfinishedRestore } from './store/backup.js';
import { lockDataDir } from './store/data-lock.js';
import { openStore } from './store/lowdb-store.js';
import { createSessionStore } from './store/session-store.js';
import { ROOT as root } from './root.js';

export { readConfig, type Config } from './config.js';

/** The secret that signs session cookies: made once, kept in the data directory. */
function sessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Opens everything for a data directory; used by main and by the command-line tools. */
export async function openServices(dataDir: string): Promise<ServiceDeps> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(dataDir);
  process.once('exit', unlock);
  // A half-finished restore leaves a mix of old and restored files: never start on that.
  const store = await Promise.resolve(dataDir)
    .then(assertNoUnfinishedRestore)
    .then(() => openStore(dataDir))
    .catch((e: unknown) => {
      unlock();
      throw e;
    });
  return { store, now: () => new Date(), randomToken, passwords: bcryptHasher() };
}

export async function importShippedStatements(services: ServiceDeps): Promise<string[]> {
  const dir = path.join(root, 'content');
  const imported: string[] = [];
  // Statements are named by their id (a lower-case slug); content/README.md describes the folder.
  for (const file of readdirSync(dir)
    .filter((f) => /^[a-z0-9][a-z0-9-]*\.md$/.test(f))
    .sort()) {
    const id = path.basename(file, '.md');
    if (await ensureStatement(services, id, readFileSync(path.join(dir, file)))) imported.push(id);
  }
  return imported;
}

async function main(): Promise<void> {
  const config = readConfig();
  const services = await openServices(config.dataDir);
  for (const id of await importShippedStatements(services)) console.log(`Imported statement ${id}`);
  for (const id of await ensureSourceEditions(services)) console.log(`Published the source edition of ${id}`);
  const app = createApp({
    services,
    i18n: await loadI18n(path.join(root, 'locales')),
    sessionStore: await createSessionStore(config.dataDir),
    sessionSecret: sessionSecret(config.dataDir),
    trustProxy: config.trustProxy,
  });
  // The set-up token is stored before the server listens: the link works as soon as it is printed.
  const setupToken = await beginSetup(services);
  const server = app.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (setupToken) {
      console.log(`No admin account yet. Create it within 24 hours at:`);
      console.log(`  http://localhost:${port}/setup?token=${setupToken}`);
    }
    console.log(`Tandem is on http://localhost:${port}`);
  });
  // Stop taking requests, let those in flight finish (their saves reach the disk), then close the
  // store; idle keep-alive connections would otherwise hold the process open for seconds. The data
  // lock is released on exit. `npm start` runs this process itself (`node --import tsx`, no
  // wrapper process), so a supervisor's signal to npm reaches it.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Tandem (requests in progress finish first)`);
    server.close(
      () =>
        void services.store.close().then(() => {
          console.log('Tandem stopped; the data directory is released.');
          process.exit(0);
        }),
    );
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`Tandem could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
