// Zawgyi, the legacy font encoding of Burmese that reuses Unicode code points for other
// characters: text typed with a Zawgyi keyboard looks right only in a Zawgyi font and is garbage
// for everyone else. Google's myanmar-tools detector is pure computation on the text, so it may
// run in the domain; its model is loaded once, on first use.
import myanmarTools from 'myanmar-tools';
import { problem, type Check } from './types.js';

/** The probability above which myanmar-tools' authors call a text Zawgyi. */
export const ZAWGYI_THRESHOLD = 0.95;

let detector: InstanceType<typeof myanmarTools.ZawgyiDetector> | undefined;
let converter: InstanceType<typeof myanmarTools.ZawgyiConverter> | undefined;

export function zawgyiProbability(text: string): number {
  detector ??= new myanmarTools.ZawgyiDetector();
  return detector.getZawgyiProbability(text);
}

export function zawgyiToUnicode(text: string): string {
  converter ??= new myanmarTools.ZawgyiConverter();
  return converter.zawgyiToUnicode(text);
}

/**
 * Sequences that well-formed Unicode never has and Zawgyi typing always makes: the vowel sign E
 * (ေ) or U+103B (Zawgyi's ra medial) before the consonant they belong to, and U+1039 (Zawgyi's
 * asat, Unicode's stacking virama) not followed by a consonant. The detector alone can mistake
 * short Unicode text, S'gaw Karen above all, for Zawgyi: it is trusted only when one of these, or
 * (for Burmese) a letter of the extension range, says the text cannot be well-formed Unicode.
 */
const ZAWGYI_ONLY = /(?:^|[^\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]|[\u102b-\u1038\u103a])[\u1031\u103b]|\u1039(?!\p{L})/u;
/** Burmese written in Unicode has no letter of the extension range, where Zawgyi puts its glyphs. */
const NOT_BURMESE = /[\u1050-\u108f\u109a-\u109f]/u;

/** `burmese`: the locale's language is Burmese (not Mon, Shan, Karen... in the same script). */
export function isZawgyi(text: string, burmese: boolean): boolean {
  const suspicious = ZAWGYI_ONLY.test(text) || (burmese && NOT_BURMESE.test(text));
  return suspicious && zawgyiProbability(text) > ZAWGYI_THRESHOLD;
}

const languageOf = (tag: string) => {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag;
  }
};

/** Text in a locale written in Myanmar script that is Zawgyi: refused, with its conversion offered. */
export const zawgyiCheck: Check = {
  id: 'zawgyi',
  severity: 'error',
  run(subject) {
    if (subject.script !== 'Mymr' || !isZawgyi(subject.text, languageOf(subject.locale) === 'my')) return [];
    return [{ ...problem(this, 'checks.zawgyi'), conversion: zawgyiToUnicode(subject.text) }];
  },
};
