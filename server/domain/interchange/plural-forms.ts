// gettext's Plural-Forms header for a locale. Languages without plural inflection (Burmese, Khmer,
// Thai) have one form, and so do those ICU has no plural rules for (S'gaw Karen, Mon, Shan: no
// plural inflection either); a few families need their own expression (gettext manual, "Plural
// forms"); others have two. Segments never have plural forms: the header only has to be right.
const EXPRESSIONS: Record<string, string> = {
  fr: 'nplurals=2; plural=(n > 1);',
  pt: 'nplurals=2; plural=(n > 1);',
  ru: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  uk: 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  pl: 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
  cs: 'nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;',
  ar: 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
};

export function pluralForms(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  if (EXPRESSIONS[language]) return EXPRESSIONS[language];
  let categories = 1;
  try {
    // A language ICU has no rules for would get the default locale's: one form instead.
    if (Intl.PluralRules.supportedLocalesOf([locale]).length > 0) categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.length;
  } catch {
    // not a valid tag: one form
  }
  return categories === 1 ? 'nplurals=1; plural=0;' : 'nplurals=2; plural=(n != 1);';
}
