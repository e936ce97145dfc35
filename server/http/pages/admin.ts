// The admin pages: accounts (invitations, grants, disabling, reset links), enabled locales, and
// the audit log. Every action is checked by its service, not only here.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import type { Account } from '../../domain/types.js';
import { accountNames, grantLocales, inviteAccount, issuePasswordLink, listAccounts, setDisabled } from '../../services/accounts.js';
import { listAudit, OPERATOR } from '../../services/audit.js';
import type { ServiceDeps } from '../../services/deps.js';
import { fontForScript } from '../../domain/fonts.js';
import type { LocaleInfo } from '../../domain/locales.js';
import { disableLocale, enableLocale, listDisabledLocales, listLocales } from '../../services/locales.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { STATUS_OF } from '../errors.js';
import { translatorOf } from '../language.js';
import { showFontsOf } from '../fonts.js';
import { localeTag, validate } from '../validate.js';

const localesField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().max(64)).max(100));
/**
 * The links already shown on this page, carried by the forms that make a new one (the page's own
 * hidden field, never a session or a file): inviting three in a row shows three links, and they
 * are gone when the admin leaves the page.
 */
const issuedLink = z.object({
  name: z.string().max(100),
  url: z
    .string()
    .max(600)
    .regex(/^https?:\/\/[^\s/]+\/password-link\?token=[A-Za-z0-9%_.~-]+$/),
  expires: z.string().max(100),
  purpose: z.enum(['invite', 'reset']),
});
const shownLinks = z
  .string()
  .max(40_000)
  .optional()
  .transform((v, ctx) => {
    if (!v) return [];
    try {
      return JSON.parse(v) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.array(issuedLink).max(50));
const inviteForm = z.object({
  name: z.string().max(100),
  role: z.enum(['admin', 'editor', 'translator']),
  locales: localesField,
  shown: shownLinks,
});
const linkForm = z.object({ shown: shownLinks });
const grantForm = z.object({ locales: localesField, shown: shownLinks });
const localeForm = z.object({ tag: z.string().min(1).max(100), nativeName: z.string().max(100).optional(), shown: shownLinks });
const accountParams = z.object({ id: z.string().max(40) });
const localeParams = z.object({ tag: localeTag });
/** After a change to a locale: which one, and what happened to it (shown once, above the table). */
const adminQuery = z.object({
  locale: localeTag.optional(),
  done: z.enum(['enabled', 'reenabled', 'renamed', 'disabled']).optional(),
});
const adminRoute = validate({ query: adminQuery });
const inviteRoute = validate({ body: inviteForm });
const linkRoute = validate({ params: accountParams, body: linkForm });
const grantRoute = validate({ params: accountParams, body: grantForm });
const accountRoute = validate({ params: accountParams, body: linkForm });
const localeRoute = validate({ body: localeForm });
const disableLocaleRoute = validate({ params: localeParams, body: linkForm });

/** A one-time link shown to the admin once, to pass on through a channel they trust. */
interface IssuedLink {
  name: string;
  url: string;
  expires: string;
  purpose: 'invite' | 'reset';
}

export function adminPages(deps: ServiceDeps): Router {
  const pages = Router();

  async function render(res: Response, status = 200, extra: { error?: string; links?: IssuedLink[]; changed?: z.infer<typeof adminQuery> } = {}) {
    const actor = actorOf(res);
    if (!can(actor, 'manage_accounts')) throw new DomainError('forbidden');
    const tr = translatorOf(res);
    const locales = await listLocales(deps);
    const disabledLocales = await listDisabledLocales(deps, actor);
    showFontsOf(
      res,
      [...locales, ...disabledLocales].map((l) => l.tag),
    ); // every language's name, in its own font
    const fontName = (l: LocaleInfo) => {
      const font = fontForScript(l.script);
      return font === 'device' ? tr.t('languages_admin.device_font') : font?.family;
    };
    const changed =
      extra.changed?.locale && extra.changed.done ? [...locales, ...disabledLocales].find((l) => l.tag === extra.changed!.locale) : undefined;
    const accounts = (await listAccounts(deps, actor)).map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      locales: a.locales,
      disabled: a.disabled,
      invited: a.passwordHash === '',
      self: a.id === actor!.id,
    }));
    const links = extra.links ?? [];
    res.status(status).render('admin', {
      accounts,
      locales: locales.map((l) => ({ ...l, font: fontName(l) })),
      disabledLocales,
      // Said once after a change; enabling a language Tandem has no font for gets a warning.
      localeNotice: changed ? tr.t(`languages_admin.done_${extra.changed!.done}`, { language: changed.englishName, tag: changed.tag }) : '',
      fontWarning:
        changed && extra.changed!.done !== 'disabled' && fontName(changed) === undefined
          ? tr.t('languages_admin.font_warning', { language: changed.englishName, script: changed.script })
          : '',
      csrf: csrfToken(res.req),
      error: extra.error,
      links,
      shown: JSON.stringify(links),
    });
  }

  /** Input errors are shown on the admin page itself, in the admin's language; others go on. */
  async function showInputError(res: Response, e: unknown, links: IssuedLink[] = []) {
    if (e instanceof DomainError && (e.code === 'invalid_input' || e.code === 'duplicate')) {
      const tr = translatorOf(res);
      return render(res, STATUS_OF[e.code], { error: tr.t(`errors.${e.key}`, e.params), links });
    }
    throw e;
  }

  /**
   * After a change, the admin page again: redirected (a reload repeats nothing), unless the page
   * was showing one-time links, which are then shown again rather than lost before being passed on.
   */
  async function done(res: Response, shown: IssuedLink[], changed?: z.infer<typeof adminQuery>) {
    if (shown.length > 0) return render(res, 200, { links: shown, changed });
    const query = changed?.locale && changed.done ? `?locale=${encodeURIComponent(changed.locale)}&done=${changed.done}#loc-h` : '';
    res.redirect(303, `/admin${query}`);
  }

  async function attempt(res: Response, shown: IssuedLink[], action: () => Promise<unknown>) {
    try {
      await action();
    } catch (e) {
      return showInputError(res, e, shown);
    }
    await done(res, shown);
  }

  function issued(req: Request, res: Response, account: Account, token: string): IssuedLink {
    const tr = translatorOf(res);
    return {
      name: account.name,
      url: `${req.protocol}://${req.get('host') ?? 'localhost'}/password-link?token=${encodeURIComponent(token)}`,
      expires: tr.dateTime(account.passwordLink!.expiresAt),
      purpose: account.passwordLink!.purpose,
    };
  }

  pages.get('/admin', requireLogin, adminRoute, async (_req, res) => render(res, 200, { changed: adminRoute.input(res).query }));

  // An invitation: the account exists at once; the volunteer chooses the password through the link.
  pages.post('/admin/accounts', requireLogin, inviteRoute, async (req, res) => {
    const { body } = inviteRoute.input(res);
    let created: { account: Account; token: string };
    try {
      created = await inviteAccount(deps, actorOf(res), { name: body.name, role: body.role, locales: body.locales });
    } catch (e) {
      return showInputError(res, e, body.shown);
    }
    // Shown in this answer only (never kept in a session or a file): a reload does not show it
    // again. The newest first, then those this page already showed.
    await render(res, 201, { links: [issued(req, res, created.account, created.token), ...body.shown] });
  });

  pages.post('/admin/accounts/:id/password-link', requireLogin, linkRoute, async (req, res) => {
    const { id } = linkRoute.input(res).params;
    const { shown } = linkRoute.input(res).body;
    const { account, token } = await issuePasswordLink(deps, actorOf(res), id);
    await render(res, 200, { links: [issued(req, res, account, token), ...shown] });
  });

  pages.post('/admin/accounts/:id/locales', requireLogin, grantRoute, async (_req, res) => {
    const { id } = grantRoute.input(res).params;
    const { locales, shown } = grantRoute.input(res).body;
    await attempt(res, shown, () => grantLocales(deps, actorOf(res), id, locales));
  });

  pages.post('/admin/accounts/:id/disable', requireLogin, accountRoute, async (_req, res) => {
    const { shown } = accountRoute.input(res).body;
    await attempt(res, shown, () => setDisabled(deps, actorOf(res), accountRoute.input(res).params.id, true));
  });

  pages.post('/admin/accounts/:id/enable', requireLogin, accountRoute, async (_req, res) => {
    const { shown } = accountRoute.input(res).body;
    await attempt(res, shown, () => setDisabled(deps, actorOf(res), accountRoute.input(res).params.id, false));
  });

  pages.post('/admin/locales', requireLogin, localeRoute, async (_req, res) => {
    const { shown, ...form } = localeRoute.input(res).body;
    let enabled;
    try {
      enabled = await enableLocale(deps, actorOf(res), form);
    } catch (e) {
      return showInputError(res, e, shown);
    }
    await done(res, shown, { locale: enabled.tag, done: enabled.outcome });
  });

  // Disabling keeps the translations: enabling the language again brings them back.
  pages.post('/admin/locales/:tag/disable', requireLogin, disableLocaleRoute, async (_req, res) => {
    const { shown } = disableLocaleRoute.input(res).body;
    let disabled;
    try {
      disabled = await disableLocale(deps, actorOf(res), disableLocaleRoute.input(res).params.tag);
    } catch (e) {
      return showInputError(res, e, shown);
    }
    await done(res, shown, { locale: disabled.tag, done: 'disabled' });
  });

  pages.get('/admin/audit', requireLogin, async (_req, res) => {
    const entries = await listAudit(deps, actorOf(res));
    const names = await accountNames(deps);
    const tr = translatorOf(res);
    res.render('audit', {
      entries: entries.map((e) => ({
        at: tr.dateTime(e.at),
        iso: e.at,
        actor: e.actorId === OPERATOR ? tr.t('security.audit.operator') : (names.get(e.actorId) ?? e.actorId),
        action: tr.t(`security.audit.actions.${e.action}`),
        target: names.get(e.target) ?? e.target,
      })),
    });
  });

  return pages;
}
