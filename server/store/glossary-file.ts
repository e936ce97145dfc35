// Glossaries of every locale: one small JSON file (glossary.json), apart from accounts and
// statements, so that keeping a glossary never rewrites either. The file is created by the first
// glossary edit: a data directory without glossaries holds no glossary file.
import { access } from 'node:fs/promises';
import { DomainError } from '../domain/errors.js';
import type { GlossaryEntry } from '../domain/glossary.js';
import type { DurableJsonFileOptions } from './durable-json-file.js';
import type { AidsStore } from './interface.js';
import { deepFreeze } from './frozen.js';
import { glossaryFileSchema, schemaProblem } from './file-schemas.js';
import { newJsonDocument, openJsonDocument } from './write-queue.js';

export interface GlossaryFile {
  version: 1;
  /** locale -> entries */
  locales: Record<string, GlossaryEntry[]>;
}

/** Locale tags become object keys: this excludes `__proto__` and the like. */
const LOCALE_KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

/** The glossary of a locale with none: one shared list, so what is kept per glossary list is kept for it too. */
const NO_ENTRIES: readonly GlossaryEntry[] = Object.freeze([]);

export async function openGlossaryFile(
  path: string,
  options: DurableJsonFileOptions,
): Promise<Pick<AidsStore, 'listGlossary' | 'updateGlossary'> & { close(): Promise<void> }> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  const document = exists
    ? await openJsonDocument<GlossaryFile>(path, undefined, { ...options, check: checkGlossaryFile })
    : newJsonDocument<GlossaryFile>(path, { version: 1, locales: {} }, options);

  return {
    async listGlossary(locale) {
      const { locales } = document.data;
      // Each update replaces a locale's list, never changes it in place: it is shared, frozen.
      return Object.hasOwn(locales, locale) ? deepFreeze(locales[locale]!) : NO_ENTRIES;
    },

    updateGlossary(locale, update) {
      if (!LOCALE_KEY.test(locale)) return Promise.reject(new DomainError('invalid_input', 'invalid_input', { locale }));
      return document.update((data) => {
        const current = Object.hasOwn(data.locales, locale) ? data.locales[locale]! : [];
        // The update works on a copy: if it throws, nothing changed.
        const next = structuredClone(update(structuredClone(current)));
        data.locales[locale] = next;
        return deepFreeze(next);
      });
    },

    close: () => document.close(),
  };
}

function checkGlossaryFile(data: GlossaryFile): string | undefined {
  return schemaProblem(glossaryFileSchema, data);
}
