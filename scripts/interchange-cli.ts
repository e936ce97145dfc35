// Command line for files to and from translation tools (called by scripts/tandem.ts):
//   export SID LOCALE --format xliff12|xliff20|po|json [--out FILE]
//   import-translations SID LOCALE FILE --as NAME [--format xliff12|xliff20|po] [--dry-run] [--approve]
// Exports are made as the operator (every current translation); an import is made in the name of
// an account, whose permissions apply, as if it had uploaded the file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../server/domain/errors.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from '../server/domain/interchange/types.js';
import type { Actor } from '../server/domain/permissions.js';

/** The command line itself may read everything: it holds the data directory. */
const OPERATOR: Actor = { id: 'operator', name: 'operator', role: 'admin', locales: [] };

export interface InterchangeArgs {
  positionals: string[];
  format?: string;
  out?: string;
  as?: string;
  dryRun?: boolean;
  approve?: boolean;
}

export async function runInterchange(dataDir: string, args: InterchangeArgs): Promise<number | undefined> {
  const [command, sid, locale, file] = args.positionals;
  if (command === 'export' && sid && locale && args.positionals.length === 3) {
    if (!EXPORT_FORMATS.includes(args.format as ExportFormat)) {
      console.error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
      return 2;
    }
    const { openServices } = await import('../server/main.js');
    const { exportTranslations } = await import('../server/services/interchange.js');
    const services = await openServices(dataDir);
    try {
      const exported = await exportTranslations(services, OPERATOR, { statementId: sid, locale, format: args.format as ExportFormat });
      if (args.out) {
        writeFileSync(args.out, exported.body);
        console.error(`Wrote ${path.resolve(args.out)}`);
      } else process.stdout.write(exported.body);
    } finally {
      await services.store.close();
    }
    return 0;
  }
  if (command === 'import-translations' && sid && locale && file && args.positionals.length === 4) {
    if (!args.as) {
      console.error('--as NAME is required: the account the translations come in under');
      return 2;
    }
    if (args.format !== undefined && !IMPORT_FORMATS.includes(args.format as ImportFormat)) {
      console.error(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
      return 2;
    }
    const bytes = readFileSync(file);
    const { openServices } = await import('../server/main.js');
    const { activeAccount, toActor } = await import('../server/services/accounts.js');
    const { importTranslations } = await import('../server/services/interchange.js');
    const { presentReport } = await import('../server/http/presenters/interchange.js');
    const { loadI18n } = await import('../server/i18n/index.js');
    const services = await openServices(dataDir);
    try {
      const found = await services.store.findAccountByName(args.as);
      const account = found && (await activeAccount(services, found.id));
      if (!account) throw new DomainError('not_found', 'account.not_found', { name: args.as });
      const report = await importTranslations(services, toActor(account), {
        statementId: sid,
        locale,
        bytes,
        ...(args.format ? { format: args.format as ImportFormat } : {}),
        dryRun: args.dryRun === true,
        approve: args.approve === true,
      });
      const tr = (await loadI18n(path.resolve(import.meta.dirname, '..', 'locales'))).translator('en');
      const view = presentReport(report, tr);
      for (const unit of view.units) console.log(`${unit.segmentId}\t${unit.outcome}\t${unit.message}`);
      console.log(view.summary);
      return report.counts.conflict + report.counts.refused + report.counts.outdated > 0 ? 1 : 0;
    } finally {
      await services.store.close();
    }
  }
  return undefined;
}
