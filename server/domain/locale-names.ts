// Names, in the language itself and in English, of languages of Myanmar that ICU (CLDR) does not
// name, or names only in English. Scripts come from CLDR's likely subtags through Intl.Locale
// (ksw, mnw, rki, blk, pwo, kjp, pll: Mymr; cnh, ctd-Latn, cfm, kac: Latn; rhg: Rohg); the
// direction follows the script (locales.ts). An admin's native name always wins over this table.
//
// Each row names the written source it was checked against. "Wikipedia" is the English
// Wikipedia article's infobox (native name, ISO 639-3 code, script), read in 2026; "Ethnologue"
// is the Ethnologue entry for the ISO 639-3 code; "ISO 639-3" is the SIL registration of the code.

export interface KnownLanguage {
  /** Name in the language itself, in its usual script. */
  autonym: string;
  englishName: string;
}

/** Keyed by language, or by language-Script where one language is written in several scripts. */
export const KNOWN_LANGUAGES: Readonly<Record<string, KnownLanguage>> = {
  // Wikipedia "S'gaw Karen language": ကညီကျိာ် (K'nyaw), ISO 639-3 ksw, Myanmar script.
  ksw: { autonym: 'ကညီကျိာ်', englishName: "S'gaw Karen" },
  // Wikipedia "Eastern Pwo language": ဖၠုံ (Phlou), ISO 639-3 kjp; Ethnologue kjp "Karen, Pwo Eastern",
  // alternate name Phlou. The Pwo Karen of Karen and Mon States.
  kjp: { autonym: 'ဖၠုံ', englishName: 'Eastern Pwo Karen' },
  // Wikipedia "Western Pwo language": ဖျိၩ့, ISO 639-3 pwo (Delta Pwo, Irrawaddy Delta).
  pwo: { autonym: 'ဖျိၩ့', englishName: 'Western Pwo Karen' },
  // Wikipedia "Mon language": ဘာသာမန် [pʰesa mɑn], ISO 639-3 mnw (Modern Mon), Mon alphabet.
  mnw: { autonym: 'ဘာသာမန်', englishName: 'Mon' },
  // Shan (shn): ICU already names it (တႆး); listed here so that the table covers the seed's languages.
  shn: { autonym: 'တႆး', englishName: 'Shan' },
  // Wikipedia "Jingpo language": Jinghpaw (Jinghpaw ga), ISO 639-2/3 kac, modified Latin alphabet.
  // ICU knows the code but names it only in English ("Kachin").
  kac: { autonym: 'Jinghpaw', englishName: 'Jingpho (Kachin)' },
  // Wikipedia "Hakha Chin": native name Laiholh, ISO 639-3 cnh, Latin script (Hakha alphabet);
  // Ethnologue cnh "Chin, Haka", alternate names Lai, Lai Hawlh.
  cnh: { autonym: 'Laiholh', englishName: 'Hakha Chin' },
  // Tedim Chin, ISO 639-3 ctd, written in the Latin alphabet (Zolai) since 1913: "Zokam le Zolai"
  // (Bible Society of Myanmar, Zomi Christian Literature Society, 2013) names the spoken language
  // Zokam. CLDR's likely script for ctd is Pau Cin Hau; Tandem's volunteers write ctd-Latn.
  ctd: { autonym: 'Zokam', englishName: 'Tedim Chin' },
  // Wikipedia "Falam language": ISO 639-3 cfm, Latin script; the language is officially named Laizo.
  cfm: { autonym: 'Laizo', englishName: 'Falam Chin' },
  // Wikipedia "Rakhine language": ရက္ခိုင်ဘာသာ / ရခိုင်ဘာသာ, ISO 639-3 rki, Burmese script;
  // Ethnologue rki "Rakhine" (Language of the Day, 2 March 2014).
  rki: { autonym: 'ရခိုင်', englishName: 'Rakhine' },
  // Wikipedia "Hanifi Rohingya script": 𐴌𐴟𐴇𐴥𐴝𐴚𐴒𐴙𐴝 (Ruáingga), ISO 15924 Rohg, right to left;
  // ScriptSource / writingsystems.info "Hanifi Rohingya" (Rohg, RTL). ISO 639-3 rhg.
  'rhg-Rohg': { autonym: '𐴌𐴟𐴇𐴥𐴝𐴚𐴒𐴙𐴝', englishName: 'Rohingya (Hanifi)' },
  // Same article: "Ruáingga" is the language's name in the Latin orthography (Rohingyalish).
  'rhg-Latn': { autonym: 'Ruáingga', englishName: 'Rohingya (Latin)' },
  // Wikipedia "Pa'O language": ပအိုဝ်ႏ (ပအိုဝ်ႏဘာႏသာႏ), ISO 639-3 blk, Burmese script (Pa'O alphabet);
  // Ethnologue blk "Karen, Pa'o".
  blk: { autonym: 'ပအိုဝ်ႏ', englishName: "Pa'O" },
  // Wikipedia "Palaung language": Palaung or Ta'ang (တအောင်း), ISO 639-3 pll (Shwe), pce (Ruching,
  // Palé), rbb (Rumai); written in Burmese-based orthographies. "Ta'ang" is the people's own name.
  pll: { autonym: 'တအာင်း', englishName: "Ta'ang (Shwe Palaung)" },
  pce: { autonym: 'တအာင်း', englishName: "Ta'ang (Ruching Palaung)" },
  rbb: { autonym: 'တအာင်း', englishName: "Ta'ang (Rumai Palaung)" },
};

/** The table's entry for a tag: by language and script first, then by language. */
export function knownLanguage(language: string, script: string): KnownLanguage | undefined {
  return KNOWN_LANGUAGES[`${language}-${script}`] ?? KNOWN_LANGUAGES[language];
}
