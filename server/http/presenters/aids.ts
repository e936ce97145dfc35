// View models for the translator aids beside each segment: checks, glossary terms highlighted in
// the source, the other languages' translations, "keep original", and where the next untranslated
// segment and the next one with warnings are.
import type { CheckProblem } from '../../domain/checks.js';
import { termMatcher, type GlossaryEntry } from '../../domain/glossary.js';
import type { LocaleInfo } from '../../domain/locales.js';
import { parseSegmentText, placeholderValues, type InlinePart } from '../../domain/placeholders.js';
import type { Segment, Statement, Translation } from '../../domain/types.js';
import type { Translator } from '../../i18n/index.js';
import { canKeepOriginal } from '../../domain/limits.js';
import { presentChecks, type CheckView } from './checks.js';
import { escapeHtml, partsToHtml } from './segment-html.js';

/** A glossary entry as shown beside a segment (no id, locale or time). */
export type TermView = Pick<GlossaryEntry, 'term' | 'translation' | 'note' | 'doNotTranslate'>;

export interface OtherLocaleView {
  tag: string;
  autonym: string;
  dir: string;
  text: string;
  status: string;
  statusLabel: string;
}

export interface RowAids {
  /** The source with glossary terms marked (translation on hover or focus). */
  sourceHtml: string;
  checks: CheckView[];
  hasWarnings: boolean;
  keepOriginal: boolean;
  canKeepOriginal: boolean;
  terms: TermView[];
  others: OtherLocaleView[];
  /** Links to the next untranslated segment and the next one with warnings (none when there is none). */
  nextUntranslated?: string;
  nextWarning?: string;
  /** Warnings the translator confirmed when submitting, worded (review queue). */
  confirmedWarnings: string[];
}

export interface AidsContext {
  statement: Statement;
  locale: string;
  translations: readonly Translation[];
  /** The other locales' translations the actor may see (services/aids.ts). */
  others: readonly Translation[];
  checks: ReadonlyMap<string, CheckProblem[]>;
  glossary: readonly GlossaryEntry[];
  locales: readonly LocaleInfo[];
  tr: Translator;
  /** Path of the page, for links to rows that are not on it (the page opens at the segment: `?seg=`). */
  pageUrl: string;
  /** Ids of the rows on the page: aids are worked out for these only. */
  shown: ReadonlySet<string>;
}

/** The source as HTML, terms of the glossary wrapped in a focusable mark with their translation. */
export function sourceWithTerms(
  segment: Segment,
  glossary: readonly GlossaryEntry[],
  locale: LocaleInfo | undefined,
  match: ReturnType<typeof termMatcher> = termMatcher(glossary),
): string {
  const links = placeholderValues(segment, 'link');
  const tokens = placeholderValues(segment, 'token');
  let tip = 0;
  const highlight = (text: string): string => {
    let html = '';
    let last = 0;
    for (const { entry, start, end } of match(text)) {
      tip += 1;
      const id = `tip-${segment.id}-${tip}`;
      const translation = `<span lang="${escapeHtml(locale?.tag ?? entry.locale)}" dir="${locale?.direction ?? 'ltr'}">${escapeHtml(entry.translation)}</span>`;
      html += escapeHtml(text.slice(last, start));
      html +=
        `<span class="term" tabindex="0" aria-describedby="${id}">${escapeHtml(text.slice(start, end))}` +
        `<span class="term-tip" role="tooltip" id="${id}">${translation}${entry.note ? ` · ${escapeHtml(entry.note)}` : ''}</span></span>`;
      last = end;
    }
    return html + escapeHtml(text.slice(last));
  };
  const SLOT = '\u0000';
  const render = (parts: readonly InlinePart[]): string =>
    parts
      .map((part) => {
        if (part.type === 'text') return highlight(part.text);
        if (part.type === 'token') return partsToHtml([part], links, tokens);
        // The link's own markup comes from partsToHtml (safe URLs only); its words get terms too.
        return partsToHtml([{ type: 'link', n: part.n, children: [{ type: 'text', text: SLOT }] }], links, tokens).replace(SLOT, render(part.children));
      })
      .join('');
  return render(parseSegmentText(segment.source, segment.placeholders).parts);
}

const hasWarning = (problems: readonly CheckProblem[] | undefined) => (problems ?? []).some((p) => p.severity === 'warning');

/** The first id after `from` (wrapping around) that satisfies `test`. */
function nextAfter(ids: readonly string[], from: number, test: (id: string) => boolean): string | undefined {
  for (let step = 1; step < ids.length; step += 1) {
    const id = ids[(from + step) % ids.length]!;
    if (test(id)) return id;
  }
  return undefined;
}

export function rowAids(ctx: AidsContext): Map<string, RowAids> {
  const { statement, tr } = ctx;
  const own = new Map(ctx.translations.map((t) => [t.segmentId, t]));
  const localeInfo = ctx.locales.find((l) => l.tag === ctx.locale);
  const ids = statement.segments.map((s) => s.id);
  const untranslated = (id: string) => (own.get(id)?.status ?? 'untranslated') === 'untranslated';
  const warned = (id: string) => hasWarning(ctx.checks.get(id));
  const href = (id: string | undefined) => (id === undefined ? undefined : ctx.shown.has(id) ? `#${id}` : `${ctx.pageUrl}?seg=${id}#${id}`);
  const match = termMatcher(ctx.glossary); // once per page, not once per segment
  const others = new Map<string, OtherLocaleView[]>();
  for (const t of ctx.others) {
    const info = ctx.locales.find((l) => l.tag === t.locale);
    if (!info) continue;
    const list = others.get(t.segmentId) ?? [];
    list.push({ tag: info.tag, autonym: info.autonym, dir: info.direction, text: t.text, status: t.status, statusLabel: tr.t(`status.${t.status}`) });
    others.set(t.segmentId, list);
  }
  const result = new Map<string, RowAids>();
  statement.segments.forEach((segment, i) => {
    if (!ctx.shown.has(segment.id)) return;
    const problems = ctx.checks.get(segment.id) ?? [];
    const translation = own.get(segment.id);
    const terms = match(segment.source).map(({ entry }) => entry);
    result.set(segment.id, {
      sourceHtml: sourceWithTerms(segment, ctx.glossary, localeInfo, match),
      checks: presentChecks(problems, tr),
      hasWarnings: hasWarning(problems),
      keepOriginal: translation?.keepOriginal === true,
      canKeepOriginal: canKeepOriginal(segment),
      terms: [...new Map(terms.map((e) => [e.id, e])).values()].map((e) => ({
        term: e.term, translation: e.translation, note: e.note, doNotTranslate: e.doNotTranslate,
      })),
      others: others.get(segment.id) ?? [],
      ...optional('nextUntranslated', href(nextAfter(ids, i, untranslated))),
      ...optional('nextWarning', href(nextAfter(ids, i, warned))),
      confirmedWarnings: (translation?.confirmedWarnings ?? []).map((id) => tr.t(`aids.check_name.${id}`)),
    });
  });
  return result;
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));
