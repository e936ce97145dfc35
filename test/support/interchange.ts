// Work in progress in every status, for export and import tests: a translator and an editor of
// the locale, texts in Burmese (my) or Khmer (km), links and an e-mail token kept.
import type { Actor } from '../../server/domain/permissions.js';
import type { Translation } from '../../server/domain/types.js';
import { createAccount, toActor } from '../../server/services/accounts.js';
import { reviewTranslation, saveTranslation } from '../../server/services/translations.js';
import { PASSWORD, putTranslation, SID, type TestApp } from './app.js';

export const TEXTS = {
  my: {
    s1: 'မြန်မာနှင့် ကမ္ဘောဒီးယား အရပ်ဘက်လူမှုအဖွဲ့အစည်းများ၏ ပူးတွဲထုတ်ပြန်ချက်',
    s2: '၂၀၂၂ ခုနှစ် ဇန်နဝါရီလ ၄ ရက်',
    s3: 'အောက်တွင် လက်မှတ်ရေးထိုးထားသော အဖွဲ့အစည်းများသည် ပြင်းထန်စွာ ရှုတ်ချပါသည်။',
    s5: 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး <1>အသတ်ခံ</1>ရပြီး ကလေး ၁၀၀ နှင့် လူ ၁၁,၃၂၈ ဦး ဖမ်းဆီးခံရသည်။',
    s6: 'ဒီဇင်ဘာ ၂၄ ရက်တွင် စစ်ကောင်စီက ရွာသား ၄၀ ခန့်ကို <1>ဖမ်းဆီး</1>ပြီး <2>သတ်ဖြတ်</2>ကာ <3>မီးရှို့</3>ခဲ့သည်။',
    s20: 'အောင်မိုးဝင်း၊ မြန်မာ့ဒီမိုကရေစီလှုပ်ရှားမှု ထောက်ခံရေး၊ {1}',
  },
  km: {
    s1: 'សេចក្តីថ្លែងការណ៍រួមរបស់អង្គការសង្គមស៊ីវិលមីយ៉ាន់ម៉ា និងកម្ពុជា',
    s2: 'ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០២២',
    s3: 'យើងខ្ញុំជាអង្គការសង្គមស៊ីវិលដែលបានចុះហត្ថលេខាខាងក្រោម សូមថ្កោលទោសយ៉ាងខ្លាំង។',
    s5: 'រហូតមកដល់ថ្ងៃនេះ មនុស្ស ១.៣៩៨ នាក់ត្រូវបាន<1>សម្លាប់</1> រួមទាំងកុមារ ១០០ នាក់ និងមនុស្ស ១១.៣២៨ នាក់ត្រូវបានឃុំខ្លួន។',
    s6: 'នៅថ្ងៃទី២៤ ខែធ្នូ របបយោធាបាន<1>ចាប់ខ្លួន</1> <2>សម្លាប់</2> និង<3>ដុត</3>អ្នកភូមិប្រហែល ៤០ នាក់។',
    s20: 'អោង មូ វិន, គាំទ្រចលនាប្រជាធិបតេយ្យនៅភូមា, {1}',
  },
} as const;

export const REVIEW_COMMENT = 'Please use the glossary term for “killed”.';

export interface SeededWork {
  translator: Actor;
  editor: Actor;
  /** Segment id -> status seeded. */
  statuses: Record<string, Translation['status']>;
}

/**
 * s1 approved, s2 submitted, s3 draft, s5 needs work (with the editor's comment), s6 outdated,
 * s20 submitted (an e-mail token); every other segment untranslated.
 */
export async function seedWork(t: TestApp, locale: 'my' | 'km'): Promise<SeededWork> {
  const account = async (name: string, role: 'translator' | 'editor') =>
    toActor((await t.deps.store.findAccountByName(name)) ?? (await createAccount(t.deps, null, { name, password: PASSWORD, role, locales: [locale] })));
  const translator = await account(`tr-${locale}`, 'translator');
  const editor = await account(`ed-${locale}`, 'editor');
  const texts = TEXTS[locale];
  const ref = (segmentId: string) => ({ statementId: SID, locale, segmentId });
  const submit = (segmentId: keyof typeof texts, action: 'save' | 'submit' = 'submit') =>
    saveTranslation(t.deps, translator, { ...ref(segmentId), text: texts[segmentId], baseRevision: 0, action, confirmWarnings: true });
  await submit('s1');
  await reviewTranslation(t.deps, editor, { ...ref('s1'), decision: 'approve', revision: 1 });
  await submit('s2');
  await submit('s3', 'save');
  await submit('s5');
  await reviewTranslation(t.deps, editor, { ...ref('s5'), decision: 'request_changes', revision: 1, comment: REVIEW_COMMENT });
  const { translation: s6 } = await submit('s6');
  await putTranslation(t.deps.store, SID, () => ({ ...s6!, status: 'outdated' }), { action: 'outdate' });
  await submit('s20');
  return { translator, editor, statuses: { s1: 'approved', s2: 'submitted', s3: 'draft', s5: 'needs_work', s6: 'outdated', s20: 'submitted' } };
}
