// An i18next JSON v4 resource bundle: a flat object, segment id -> translation in marker form
// (`<1>…</1>` is the Trans component's convention; `{1}` is not i18next syntax and stays as text).
import type { ExportDocument } from './types.js';

export function writeJson(doc: ExportDocument): string {
  const bundle: Record<string, string> = {};
  for (const { segment, translation } of doc.units) {
    if (translation && translation.text !== '') bundle[segment.id] = translation.text;
  }
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
