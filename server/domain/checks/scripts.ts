// What checks need to know about writing systems: the script of a locale, its letters, its digits
// and its full stop. Burmese ။ and Khmer ។ are full stops; Thai and Lao end sentences with none.

/** ISO 15924 script of a locale: the tag's own script subtag, else ICU's likely script. */
export function scriptOfLocale(tag: string): string | undefined {
  // Intl builds a new Locale to answer, on every check of every save: answers are kept (a few tags).
  if (scripts.has(tag)) return scripts.get(tag);
  let script: string | undefined;
  try {
    const locale = new Intl.Locale(tag);
    script = locale.script ?? locale.maximize().script;
  } catch {
    script = undefined;
  }
  if (scripts.size < 1000) scripts.set(tag, script);
  return script;
}

const scripts = new Map<string, string | undefined>();

/** ISO 15924 codes that are not Unicode script values, mapped to the scripts they combine. */
const COMBINED_SCRIPTS: Record<string, string[]> = {
  Hans: ['Hani'],
  Hant: ['Hani'],
  Jpan: ['Hira', 'Kana', 'Hani'],
  Kore: ['Hang', 'Hani'],
  Aran: ['Arab'],
};

const letterPatterns = new Map<string, RegExp | null>();

/** A pattern matching one letter of the script, or null when Unicode does not know the script. */
export function letterOf(script: string): RegExp | null {
  if (!letterPatterns.has(script)) {
    const scripts = COMBINED_SCRIPTS[script] ?? [script];
    let pattern: RegExp | null;
    try {
      pattern = new RegExp(`[${scripts.map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');
    } catch {
      pattern = null; // a private-use or unencoded script code
    }
    letterPatterns.set(script, pattern);
  }
  return letterPatterns.get(script)!;
}

/** Code points of the digit zero of the decimal digit sets found in the languages we serve. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xed0, 0x1040, 0x1090, 0x17e0, 0x19d0, 0x1a80, 0x1a90, 0xa900, 0xa9f0, 0xff10, 0x10d30];

/** Latin value of any decimal digit ("၃" and "៣" are "3"); other characters unchanged. */
export function latinDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  for (const zero of ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  return ch;
}

/** The full stop a locale's script expects, when it has one of its own. */
export function nativeFullStop(script: string | undefined): string | undefined {
  if (script === 'Mymr') return '။';
  if (script === 'Khmr') return '។';
  return undefined;
}

/** Scripts whose sentences end without a full stop. */
export const NO_FULL_STOP_SCRIPTS: ReadonlySet<string> = new Set(['Thai', 'Laoo']);
