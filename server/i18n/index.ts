// Interface language: strings from locales/<lang>/translation.json through i18next; numbers,
// percentages, dates and plural categories through @formatjs/intl, in the language's own digits.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import i18next, { type TFunction } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { directionOf, numberingSystemOf } from '../domain/locales.js';

export const UI_LANGUAGES = ['en', 'my', 'km'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const isUiLanguage = (x: unknown): x is UiLanguage => UI_LANGUAGES.includes(x as UiLanguage);

export type Params = Record<string, string | number | undefined>;

/** Everything a view or an error message needs to speak one interface language. */
export interface Translator {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  t(key: string, params?: Params): string;
  /**
   * A message with a count: i18next picks key_one, key_other... by the language's plural rules
   * (Burmese and Khmer have only `other`) and writes {{count}} in the language's digits. The same
   * happens for `t(key, { count })` with a numeric count.
   */
  plural(key: string, count: number, params?: Params): string;
  number(n: number): string;
  /** 0..100 -> "45 %" in the language's conventions and digits. */
  percent(p: number): string;
  date(d: Date | string): string;
  dateTime(d: Date | string): string;
  /** Formats a number in another locale's digits (list numbers in an edition). */
  numberIn(locale: string, n: number): string;
}

export interface I18n {
  translator(lang: UiLanguage): Translator;
  /** True when every language has the key (tests use it to find untranslated strings). */
  keys(lang: UiLanguage): string[];
}

export async function loadI18n(localesDir: string): Promise<I18n> {
  const resources: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lang of UI_LANGUAGES) {
    // Every JSON file of a language's folder is merged into one namespace: one file per area of
    // the interface (translation.json for the core), so areas can grow without touching each other.
    const dir = path.join(localesDir, lang);
    const tree: Record<string, unknown> = {};
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      deepMerge(tree, JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
    }
    resources[lang] = { translation: tree };
  }
  const cache = createIntlCache();
  const intls = new Map(
    UI_LANGUAGES.map((lang) => [
      lang,
      createIntl(
        {
          locale: lang,
          messages: {},
          onError: () => {
            /* no messages here: formatjs only formats numbers and dates */
          },
        },
        cache,
      ),
    ]),
  );
  // Each language's digits, found once (Intl builds new objects to answer).
  const numberingSystems = new Map(UI_LANGUAGES.map((lang) => [lang, numberingSystemOf(lang)]));
  const instance = i18next.createInstance();
  // A numeric {{count}} chooses the plural form (i18next's plural rules) and is written in the
  // language's digits by this formatter module, which replaces i18next's built-in one.
  const countFormatter = {
    type: 'formatter' as const,
    // i18next calls these for named formats ({{x, number}}); Tandem's strings use none.
    init() {
      /* nothing to set up */
    },
    add() {
      /* no named formats */
    },
    addCached() {
      /* no named formats */
    },
    format: (value: unknown, _format: string | undefined, lng: string | undefined, options?: { interpolationkey?: string }) =>
      options?.interpolationkey === 'count' && typeof value === 'number' && isUiLanguage(lng)
        ? intls.get(lng)!.formatNumber(value, { numberingSystem: numberingSystems.get(lng) })
        : value,
  };
  await instance.use(countFormatter).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    // Views escape on output (EJS <%= %>); escaping here too would show &amp; to readers.
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  const translators = new Map<UiLanguage, Translator>();
  for (const lang of UI_LANGUAGES) translators.set(lang, makeTranslator(lang, instance.getFixedT(lang), intls.get(lang)!));
  return {
    translator: (lang) => translators.get(lang)!,
    keys: (lang) => flatKeys(resources[lang]!.translation),
  };
}

function makeTranslator(lang: UiLanguage, t: TFunction, intl: IntlShape<string>): Translator {
  const numberingSystem = numberingSystemOf(lang);
  const number = (n: number) => intl.formatNumber(n, { numberingSystem });
  const formats = new Map<string, Intl.NumberFormat>();
  // A page asks for the same strings once per row (status labels, buttons): a string without
  // parameters is resolved once per language for the life of the process.
  const plain = new Map<string, string>();
  // The same for a count alone ("3 waiting" in every page's header): kept per key and count.
  const counted = new Map<string, string>();
  return {
    lang,
    dir: directionOf(lang),
    t(key, params) {
      if (params !== undefined) return String(t(key, params as Record<string, unknown>));
      let text = plain.get(key);
      if (text === undefined) plain.set(key, (text = String(t(key))));
      return text;
    },
    plural(key, count, params) {
      if (params !== undefined) return String(t(key, { ...params, count } as Record<string, unknown>));
      const id = `${key}\u0000${count}`;
      let text = counted.get(id);
      if (text === undefined) {
        text = String(t(key, { count } as Record<string, unknown>));
        if (counted.size < 10_000) counted.set(id, text);
      }
      return text;
    },
    number,
    percent: (p) => intl.formatNumber(p / 100, { style: 'percent', numberingSystem, maximumFractionDigits: 0 }),
    date: (d) => intl.formatDate(d, { dateStyle: 'long', numberingSystem }),
    dateTime: (d) => intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short', numberingSystem }),
    numberIn(locale, n) {
      let f = formats.get(locale);
      if (!f) {
        f = new Intl.NumberFormat(locale, { numberingSystem: numberingSystemOf(locale), useGrouping: false });
        formats.set(locale, f);
      }
      return f.format(n);
    },
  };
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (value && typeof value === 'object' && existing && typeof existing === 'object') {
      deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      into[key] = value;
    }
  }
}

function flatKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** The interface language: an explicit choice (cookie) first, then Accept-Language, then English. */
export function pickLanguage(cookie: unknown, acceptsLanguages: (...langs: string[]) => string | false): UiLanguage {
  if (isUiLanguage(cookie)) return cookie;
  const accepted = acceptsLanguages(...UI_LANGUAGES);
  return isUiLanguage(accepted) ? accepted : 'en';
}
