// Locales: any valid BCP 47 tag. Names and direction come from Intl (ICU), with fallbacks for the
// languages of Myanmar that Node's ICU has no data for.
import { DomainError } from './errors.js';
import { knownLanguage } from './locale-names.js';
import type { LocaleSetting } from './types.js';

export type Direction = 'ltr' | 'rtl';

export interface LocaleInfo {
  tag: string;
  /** Name of the language in itself ("မြန်မာ"); the tag when nobody knows it. */
  autonym: string;
  englishName: string;
  direction: Direction;
  /** ISO 15924 script code ("Mymr"), from likely subtags. */
  script: string;
  /** Numbering system for numbers shown to readers of this locale ("mymr", "khmr", "latn"). */
  numberingSystem: string;
}

export const SOURCE_LOCALE = 'en';
export const DEFAULT_LOCALES: readonly string[] = ['my', 'km', 'th'];

/**
 * Scripts written right to left (Unicode Script_Extensions with bidi class R/AL). ICU answers
 * `ltr` for locales it has no data for, even in these scripts (Rohingya in Hanifi, Dhivehi).
 */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Armi',
  'Avst',
  'Chrs',
  'Cprt',
  'Elym',
  'Hatr',
  'Hebr',
  'Hung',
  'Khar',
  'Lydi',
  'Mand',
  'Mani',
  'Mend',
  'Merc',
  'Mero',
  'Narb',
  'Nbat',
  'Nkoo',
  'Orkh',
  'Ougr',
  'Palm',
  'Phli',
  'Phlp',
  'Phnx',
  'Prti',
  'Rohg',
  'Samr',
  'Sarb',
  'Sogd',
  'Sogo',
  'Syrc',
  'Thaa',
  'Yezi',
]);

/** Scripts with their own digits that readers expect in numbers (CLDR defaults to Latin for Khmer). */
const NATIVE_DIGITS: Record<string, string> = { Mymr: 'mymr', Khmr: 'khmr' };

/**
 * The longest language tag Tandem takes, both to enable a locale and in the addresses of its
 * pages: a tag that can be enabled always has working pages.
 */
export const MAX_LOCALE_TAG_LENGTH = 64;

/** Canonical form of a BCP 47 tag, or DomainError('invalid_input') saying which tag is wrong. */
export function canonicalTag(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (canonical && canonical.length > MAX_LOCALE_TAG_LENGTH) {
      throw new DomainError('invalid_input', 'locale.tag_too_long', { count: MAX_LOCALE_TAG_LENGTH });
    }
    if (canonical && canonical.toLowerCase() !== 'und') return canonical;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // RangeError: not a well-formed tag; reported below.
  }
  throw new DomainError('invalid_input', 'locale.invalid_tag', { tag });
}

export function scriptOf(tag: string): string {
  return new Intl.Locale(tag).maximize().script ?? 'Latn';
}

export function directionOf(tag: string): Direction {
  if (RTL_SCRIPTS.has(scriptOf(tag))) return 'rtl';
  const locale = new Intl.Locale(tag) as Intl.Locale & {
    textInfo?: { direction?: string };
    getTextInfo?: () => { direction?: string };
  };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

export function numberingSystemOf(tag: string): string {
  const native = NATIVE_DIGITS[scriptOf(tag)];
  if (native) return native;
  return new Intl.NumberFormat(tag).resolvedOptions().numberingSystem;
}

function displayName(tag: string, inLocale: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    return undefined;
  }
}

/**
 * A locale's names, direction and digits. Intl answers the same for the same input (it builds new
 * DisplayNames and NumberFormat objects each time, several per request), so answers are kept.
 */
export function describeLocale(setting: LocaleSetting): LocaleInfo {
  const key = `${setting.tag}\u0000${setting.nativeName ?? ''}`;
  let info = described.get(key);
  if (!info) {
    info = describe(setting);
    described.set(key, info);
  }
  return { ...info };
}

const described = new Map<string, LocaleInfo>();

function describe(setting: LocaleSetting): LocaleInfo {
  const { tag } = setting;
  const language = new Intl.Locale(tag).language;
  const script = scriptOf(tag);
  // Our table (locale-names.ts) before ICU for the autonym: ICU falls back to English for some
  // languages it knows the code of (kac, rhg), which a reader of the language would not look for.
  const known = knownLanguage(language, script);
  const englishName = displayName(tag, 'en') ?? known?.englishName ?? tag;
  return {
    tag,
    autonym: setting.nativeName?.trim() || known?.autonym || displayName(tag, tag) || englishName,
    englishName,
    direction: directionOf(tag),
    script,
    numberingSystem: numberingSystemOf(tag),
  };
}
