// createApp(deps) wires the layers into an Express app; tests import it, main.ts listens.
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import path from 'node:path';
import { apiRouter } from './http/api.js';
import { viewEngine } from './http/views.js';
import { BODY_LIMIT } from './http/body-limit.js';
import { glossaryCsvBody } from './http/glossary-body.js';
import { csrfProtection, resolveActor } from './http/auth.js';
import { errorHandler, MAX_FORM_FIELDS, notFound } from './http/errors.js';
import { fontFaces, fontStylesheet } from './http/fonts.js';
import { waitingInHeader } from './http/waiting-count.js';
import { interfaceLanguage, translatorFor } from './http/language.js';
import { createLimits, type RateLimitOptions } from './http/rate-limit.js';
import { requireUtf8Query, requireWellFormedText, verifyUtf8Form, verifyUtf8Json } from './http/well-formed.js';
import { statementSourceBodies } from './http/statement-bodies.js';
import { accountPages } from './http/pages/account.js';
import { adminPages } from './http/pages/admin.js';
import { statementAdminPages } from './http/pages/statements-admin.js';
import { readerPages } from './http/pages/reader.js';
import { ReaderCache } from './http/public-cache.js';
import { editionPages } from './http/pages/editions.js';
import { discoveryPages } from './http/pages/discovery.js';
import { publishingPages } from './http/pages/publishing.js';
import { workPages } from './http/pages/work.js';
import { WorkPageCache } from './http/work-page-cache.js';
import { glossaryPages } from './http/pages/glossary.js';
import { interchangePages } from './http/pages/interchange.js';
import { importBody, uploadForm } from './http/interchange-body.js';
import type { I18n } from './i18n/index.js';
import type { ServiceDeps } from './services/deps.js';
import { ROOT as root } from './root.js';

export interface AppDeps {
  services: ServiceDeps;
  i18n: I18n;
  sessionStore: session.Store;
  sessionSecret: string;
  /** Express `trust proxy`, for a TLS-terminating proxy in front (cookies become Secure). */
  trustProxy?: boolean;
  log?: (line: string) => void;
  /** Delays for failed logins and bad tokens, token request budgets, and their clock (tests). */
  limits?: RateLimitOptions;
}

export { BODY_LIMIT }; // largest JSON or form body: 10,000 characters of any script (http/body-limit.ts)

/** What /fonts serves from the @fontsource packages. */
const FONT_FILE = /^\/[a-z0-9-]+\/(?:files\/)?[a-z0-9-]+\.(?:woff2|woff|css)$/;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const log = deps.log ?? ((line: string) => console.error(line));
  const limits = createLimits(deps.limits);
  app.disable('x-powered-by');
  app.locals.formKey = deps.sessionSecret; // signs anonymous visitors' form tokens (http/auth.ts)
  app.engine('ejs', viewEngine); // includes from the views folder, no file lookup per include (http/views.ts)
  app.set('view engine', 'ejs');
  app.enable('view cache'); // Express caches compiled templates only under NODE_ENV=production otherwise
  app.set('views', path.join(root, 'views'));
  app.set('trust proxy', deps.trustProxy ? 1 : false);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.status(200).type('text').send('ok');
  });
  app.use('/static', express.static(path.join(root, 'public'), { maxAge: '1d' }));
  app.use(fontFaces(root)); // /fonts/locales.css: the fonts of the enabled locales' scripts
  // Font files and their style sheets only: not the packages' package.json, README or licence files.
  const fonts = express.static(path.join(root, 'node_modules', '@fontsource'), { maxAge: '365d', immutable: true });
  app.use('/fonts', (req, res, next) => (FONT_FILE.test(req.path) ? fonts(req, res, next) : next()));

  app.use(cookieParser());
  // The interface language comes before sessions and bodies: their errors are worded in it.
  app.use(interfaceLanguage(deps.i18n));
  app.use(requireUtf8Query);
  app.use(
    session({
      name: 'tandem.sid',
      store: deps.sessionStore,
      secret: deps.sessionSecret,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      proxy: deps.trustProxy,
      cookie: { httpOnly: true, sameSite: 'lax', secure: deps.trustProxy ? 'auto' : false, maxAge: 14 * 24 * 3600_000 },
    }),
  );
  app.use(importBody); // a translation file as the body of an API import: 5 MB, that route only
  app.use(statementSourceBodies); // statement sources: up to 1 MiB, and file uploads
  app.use(glossaryCsvBody); // a glossary CSV import: its own limit in characters (domain/glossary.ts)
  app.use(express.json({ limit: BODY_LIMIT, verify: verifyUtf8Json }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: MAX_FORM_FIELDS, verify: verifyUtf8Form }));
  app.use(requireWellFormedText);
  app.use(resolveActor(deps.services, limits));
  app.use(limits.tokenRate);
  app.use(uploadForm); // the upload form's multipart body, so its _csrf field is checked next
  app.use(csrfProtection);

  app.use('/api/v1', apiRouter(deps.services));
  // What pages show around their content (not the API's): their fonts, the header's count.
  app.use(fontStylesheet(deps.services));
  app.use(waitingInHeader(deps.services));
  app.use(accountPages(deps.services, limits));
  // Readers' pages, rendered once and kept compressed under keys naming what each depends on.
  const readerCache = new ReaderCache();
  app.locals.readerCache = readerCache; // tests count renders through it
  app.use(editionPages(deps.services, readerCache));
  app.use(discoveryPages(deps.services));
  app.use(readerPages(deps.services, readerCache));
  const workPageCache = new WorkPageCache();
  app.locals.workPageCache = workPageCache; // tests count renders through it
  app.use(workPages(deps.services, workPageCache));
  app.use(publishingPages(deps.services));
  app.use(glossaryPages(deps.services));
  app.use(interchangePages(deps.services));
  app.use(adminPages(deps.services));
  app.use(statementAdminPages(deps.services));
  app.use(notFound);
  app.use(errorHandler(log, (req) => translatorFor(deps.i18n, req)));
  return app;
}
