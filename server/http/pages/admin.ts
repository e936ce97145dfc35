// The admin page: accounts and their locales, enabled locales.
import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/permissions.js';
import type { Translator } from '../../i18n/index.js';
import { createAccount, grantLocales, listAccounts } from '../../services/accounts.js';
import type { ServiceDeps } from '../../services/deps.js';
import { enableLocale, listLocales } from '../../services/locales.js';
import { actorOf, csrfToken, requireLogin } from '../auth.js';
import { inputOf, validate } from '../validate.js';

const localesField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().max(64)).max(100));
const accountForm = z.object({
  name: z.string().max(100),
  password: z.string().max(500),
  role: z.enum(['admin', 'editor', 'translator']),
  locales: localesField,
});
const grantForm = z.object({ locales: localesField });
const localeForm = z.object({ tag: z.string().min(1).max(100), nativeName: z.string().max(100).optional() });

export function adminPages(deps: ServiceDeps): Router {
  const pages = Router();

  async function render(res: Parameters<Parameters<typeof pages.get>[1]>[1], status = 200, error?: string) {
    const actor = actorOf(res);
    if (!can(actor, 'manage_accounts')) throw new DomainError('forbidden');
    const locales = await listLocales(deps);
    const accounts = (await listAccounts(deps, actor)).map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      locales: a.locales,
      disabled: a.disabled,
    }));
    res.status(status).render('admin', { accounts, locales, csrf: csrfToken(res.req), error });
  }

  /** Input errors are shown on the admin page itself, in the admin's language. */
  async function attempt(res: Parameters<Parameters<typeof pages.get>[1]>[1], action: () => Promise<unknown>) {
    try {
      await action();
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'invalid_input' || e.code === 'duplicate')) {
        const tr: Translator = res.locals.tr;
        return render(res, e.code === 'duplicate' ? 409 : 400, tr.t(`errors.${e.key}`, e.params));
      }
      throw e;
    }
    res.redirect(303, '/admin');
  }

  pages.get('/admin', requireLogin, async (_req, res) => render(res));

  pages.post('/admin/accounts', requireLogin, validate({ body: accountForm }), async (_req, res) => {
    const body = inputOf<z.infer<typeof accountForm>>(res, 'body');
    await attempt(res, () => createAccount(deps, actorOf(res), body));
  });

  pages.post(
    '/admin/accounts/:id/locales',
    requireLogin,
    validate({ params: z.object({ id: z.string().max(40) }), body: grantForm }),
    async (_req, res) => {
      const { id } = inputOf<{ id: string }>(res, 'params');
      await attempt(res, () => grantLocales(deps, actorOf(res), id, inputOf<{ locales: string[] }>(res, 'body').locales));
    },
  );

  pages.post('/admin/locales', requireLogin, validate({ body: localeForm }), async (_req, res) => {
    await attempt(res, () => enableLocale(deps, actorOf(res), inputOf<z.infer<typeof localeForm>>(res, 'body')));
  });

  return pages;
}
