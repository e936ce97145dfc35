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
import { keptMarkup } from './markup-cache.js';
import { escapeHtml, partsToHtml } from './segment-html.js';

/** A glossary entry as shown beside a segment (no id, locale or time). */
export type TermView = Pick<GlossaryEntry, 'term' | 'translation' | 'note' | 'doNotTranslate'>;

export interface OtherLocaleView {
  tag: string;
  autonym: string;
  dir: string;
  text: string;
  /** The language and direction of the text: the source's for a name kept as in the original. */
  textLang: string;
  textDir: string;
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
  /** The source with its markers in place (the workspace); without, as readers see it (the review queue). */
  markers?: boolean;
  /** The link to a segment not on the page (the page holding it, keeping the filter when it matches); `?seg=` when absent. */
  linkTo?: (segmentId: string) => string;
}

const marker = (text: string) => `<span class="marker">${escapeHtml(text)}</span>`;

/**
 * The source as HTML, terms of the glossary wrapped in a focusable mark with their translation.
 * With `markers` (the workspace), the markers a translator types are shown in place, as text:
 * `<1>` and `</1>` around a link's words, `{1}` for an address (the address itself beside it, in a
 * `token-value` span). The text of the result without its `term-tip` and `token-value` spans is then exactly
 * the source as the translator types it: the one copy the workspace script reads
 * (public/js/workspace/page.js, `sourceOf`).
 */
export function sourceWithTerms(
  segment: Segment,
  glossary: readonly GlossaryEntry[],
  locale: LocaleInfo | undefined,
  match: ReturnType<typeof termMatcher> = termMatcher(glossary),
  options: { markers?: boolean } = {},
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
        if (part.type === 'token') {
          if (!options.markers) return partsToHtml([part], links, tokens);
          return `<span class="token">${marker(`{${part.n}}`)}<span class="token-value"> ${escapeHtml(tokens[part.n] ?? '')}</span></span>`;
        }
        // The link's own markup comes from partsToHtml (safe URLs only); its words get terms too.
        const link = partsToHtml([{ type: 'link', n: part.n, children: [{ type: 'text', text: SLOT }] }], links, tokens).replace(
          SLOT,
          render(part.children),
        );
        return options.markers ? `${marker(`<${part.n}>`)}${link}${marker(`</${part.n}>`)}` : link;
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
  const sourceInfo = ctx.locales.find((l) => l.tag === statement.sourceLocale);
  const ids = statement.segments.map((s) => s.id);
  const untranslated = (id: string) => (own.get(id)?.status ?? 'untranslated') === 'untranslated';
  const warned = (id: string) => hasWarning(ctx.checks.get(id));
  const linkTo = ctx.linkTo ?? ((id: string) => `${ctx.pageUrl}?seg=${id}#${id}`);
  const href = (id: string | undefined) => (id === undefined ? undefined : ctx.shown.has(id) ? `#${id}` : linkTo(id));
  const match = termMatcher(ctx.glossary); // once per page, not once per segment
  const sources = new Map(statement.segments.map((s) => [s.id, s.source]));
  const others = new Map<string, OtherLocaleView[]>();
  for (const t of ctx.others) {
    const info = ctx.locales.find((l) => l.tag === t.locale);
    if (!info) continue;
    const list = others.get(t.segmentId) ?? [];
    // A name kept as in the original is the source's text, in the source's language (as in the review queue).
    const kept = t.keepOriginal === true || t.text === sources.get(t.segmentId);
    list.push({
      tag: info.tag,
      autonym: info.autonym,
      dir: info.direction,
      text: t.text,
      textLang: kept ? statement.sourceLocale : info.tag,
      textDir: kept ? (sourceInfo?.direction ?? 'ltr') : info.direction,
      status: t.status,
      statusLabel: tr.t(`status.${t.status}`),
    });
    others.set(t.segmentId, list);
  }
  const result = new Map<string, RowAids>();
  statement.segments.forEach((segment, i) => {
    if (!ctx.shown.has(segment.id)) return;
    const problems = ctx.checks.get(segment.id) ?? [];
    const translation = own.get(segment.id);
    const terms = match(segment.source).map(({ entry }) => entry);
    result.set(segment.id, {
      // Kept per glossary (a new list on each change) and segment (a new one on each source revision).
      sourceHtml: keptMarkup(
        ctx.glossary,
        `${segment.id}\u0000${segment.sourceHash}\u0000${ctx.locale}\u0000${ctx.markers === true}`,
        () => sourceWithTerms(segment, ctx.glossary, localeInfo, match, { markers: ctx.markers === true }),
        10_000,
      ),
      checks: presentChecks(problems, tr),
      hasWarnings: hasWarning(problems),
      keepOriginal: translation?.keepOriginal === true,
      canKeepOriginal: canKeepOriginal(segment),
      terms: [...new Map(terms.map((e) => [e.id, e])).values()].map((e) => ({
        term: e.term,
        translation: e.translation,
        note: e.note,
        doNotTranslate: e.doNotTranslate,
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
