// Readers of an unfinished edition: a run of untranslated segments gets one notice ("These 180
// names are shown as in the original") instead of one "Not yet translated" mark on each.
import type { Translator } from '../../i18n/index.js';
import type { RowView } from './edition.js';

/** Runs shorter than this keep their marks: one mark per segment reads well for two or three. */
export const RUN_MIN = 3;
const FALLBACK_MARK = /\n<span class="mark mark-fallback"[^>]*>[^<]*<\/span>$/;

export interface RowWithNotice extends RowView {
  /** On the first row of a run: the notice said once for the whole run. */
  runNotice?: string;
}

/** Single-language rows (an edition page): marks of runs of fallback rows folded into one notice. */
export function foldFallbackRuns(rows: readonly RowView[], tr: Translator): RowWithNotice[] {
  const out: RowWithNotice[] = rows.map((r) => ({ ...r }));
  let i = 0;
  while (i < out.length) {
    if (out[i]!.cells[0]?.state !== 'fallback') {
      i += 1;
      continue;
    }
    let end = i;
    while (end < out.length && out[end]!.cells[0]?.state === 'fallback') end += 1;
    const count = end - i;
    if (count >= RUN_MIN) {
      const names = out.slice(i, end).every((r) => r.kind === 'signatory' || r.kind === 'supporter' || r.kind === 'contact');
      out[i]!.runNotice = tr.plural(names ? 'reader_runs.names' : 'reader_runs.parts', count);
      for (let k = i; k < end; k += 1) {
        const row = out[k]!;
        row.cells = row.cells.map((c) => ({ ...c, markup: c.markup.replace(FALLBACK_MARK, '') }));
      }
    }
    i = end;
  }
  return out;
}
