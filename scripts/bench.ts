// npm run bench: starts Tandem on a temporary data directory, seeds it through the API, and
// measures with autocannon the edition page, the compare page, the translations API and saves,
// each beside a baseline (a minimal Express server sending a static file of the same bytes).
// Prints a table and writes bench/RESULTS.md. See bench/README.md.
//
// Environment: BENCH_SECONDS (per measurement, default 10), BENCH_CONNECTIONS (default 10),
// BENCH_ACCEPT_ENCODING (default "gzip, deflate, br", what browsers send), BENCH_ONLY
// (comma-separated: edition,compare,edition-rendered,published,api,review,workspace,save,save-32,
// save-history,startup,glossary), BENCH_PROFILE=1 (CPU profile of the server),
// BENCH_KEEP=1 (keep the temporary directories), BENCH_RESULTS (output file, default
// bench/RESULTS.md; "-" writes none), BENCH_AUTH (how the API and save load logs in: "session",
// the default, a browser's cookie and CSRF token; or "token", API bearer tokens, which the server
// budgets per account per minute).
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  buildServer,
  cpuWindow,
  currentRss,
  freePort,
  peakRss,
  request,
  requestJson,
  runCommand,
  SERVER_BUNDLE,
  startNode,
  stopChild,
  waitForHealthy,
  waitForLine,
  type Child,
} from './bench/processes.js';
import { glossaryBench } from './bench/glossary.js';
import { summarizeProfile } from './bench/profile.js';
import { consoleTable, mib, resultsMarkdown, type Measure, type Row } from './bench/report.js';
import type { CpuShares } from './bench/processes.js';
import { publishedRows } from './bench/published.js';
import { workspaceWeight, WORKSPACE_BUDGET } from './bench/workspace-weight.js';
import { bearer, browserSession, seedLocale, standInTranslation, type SourceSegment, type TranslationView } from './bench/seed.js';
import { describeLatency, measureSaves } from './bench/saves.js';
import { measureSavesInProcess } from './bench/saves-in-process.js';
import { measureStartup } from './bench/startup.js';
import { statementWithHistory, translatedStatements } from './bench/store-data.js';

const HISTORY_ENTRIES = 20_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SID = '2022-01-04-joint-statement-hun-sen-myanmar-junta';
const HOST = '127.0.0.1';

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

const SECONDS = positiveNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = Math.max(1, Math.min(3, Math.round(SECONDS / 5)));
const CONNECTIONS = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br';
const SCENARIOS = [
  'edition',
  'compare',
  'edition-rendered',
  'published',
  'api',
  'review',
  'workspace',
  'save',
  'save-32',
  'save-history',
  'startup',
  'glossary',
] as const;
type ScenarioKey = (typeof SCENARIOS)[number];
const ONLY = (process.env.BENCH_ONLY ?? SCENARIOS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of ONLY) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`BENCH_ONLY: unknown scenario "${s}" (${SCENARIOS.join(', ')})`);
const PROFILE = process.env.BENCH_PROFILE === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const RESULTS = process.env.BENCH_RESULTS ?? path.join(root, 'bench', 'RESULTS.md');
const AUTH = process.env.BENCH_AUTH ?? 'session';
if (AUTH !== 'session' && AUTH !== 'token') throw new Error(`BENCH_AUTH must be "session" or "token", not "${AUTH}"`);

const SEED = [
  { locale: 'my', approve: 80, submitOnly: 20, draft: 20 },
  { locale: 'km', approve: 60, submitOnly: 0, draft: 0 },
];

const log = (line: string) => console.log(`[bench] ${line}`);

// --- lifetime: everything started here is stopped here, on success, error or signal ---

const children: Child[] = [];
const tempDirs: string[] = [];
let cleaned = false;

async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await Promise.all(children.map((c) => stopChild(c)));
  if (KEEP) {
    for (const d of tempDirs) log(`kept ${d}`);
  } else {
    for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping the servers`);
    void cleanup().finally(() => process.exit(130));
  });
}

// --- measuring ---

/** The pids of the servers we started (for the CPU accounting of each measurement). */
const pids: number[] = [];

/** A measurement's figures from autocannon's result, the CPU window and the server's memory. */
function toMeasure(r: autocannon.Result, cpu: CpuShares, pid: number): Measure {
  const responses = r.requests.total;
  const rssAfter = currentRss(pid);
  return {
    requestsPerSecond: responses / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    wireBytesPerResponse: responses > 0 ? r.throughput.total / responses : 0,
    responses,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    ...(cpu.server === undefined ? {} : { cpuPercent: cpu.server }),
    loadCpuPercent: cpu.load,
    ...(cpu.others === undefined ? {} : { otherCpuPercent: cpu.others }),
    ...(rssAfter === undefined ? {} : { rssAfter }),
  };
}

async function run(opts: autocannon.Options, pid: number): Promise<{ measure: Measure; statusCodes: Record<string, number> }> {
  const base = { connections: CONNECTIONS, pipelining: 1, timeout: 10 };
  const warm = await autocannon({ ...base, ...opts, duration: WARMUP_SECONDS });
  const window = cpuWindow(
    pid,
    pids.filter((p) => p !== pid),
  );
  const r = await autocannon({ ...base, ...opts, duration: SECONDS });
  const cpu = window();
  const warmProblems = warm.non2xx + warm.errors + warm.timeouts;
  if (warmProblems > 0) log(`  warm-up of ${opts.url}: ${warmProblems} errors (${JSON.stringify(warm.statusCodeStats)})`);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return { statusCodes, measure: toMeasure(r, cpu, pid) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  tempDirs.push(temp);
  const dataDir = path.join(temp, 'data');
  const baselineDir = path.join(temp, 'baseline');
  const profileDir = path.join(temp, 'profile');
  mkdirSync(dataDir);
  mkdirSync(baselineDir);
  log(`temporary directory ${temp}; ${SECONDS} s per measurement, ${CONNECTIONS} connections, scenarios ${ONLY.join(', ')}`);

  // 1. Accounts and tokens, with the command-line tool, before the server locks the directory.
  const cliEnv: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir };
  delete cliEnv.PORT;
  const tokens = { translator: '', editor: '' };
  const passwords = { translator: '', editor: '' };
  for (const [name, role] of [
    ['bench-editor', 'editor'],
    ['bench-translator', 'translator'],
  ] as const) {
    const password = randomBytes(18).toString('base64url');
    passwords[role] = password;
    runCommand(['scripts/tandem.ts', 'user', 'add', name, '--role', role, '--locales', 'my,km'], { cwd: root, env: cliEnv, input: `${password}\n` });
    const out = runCommand(['scripts/tandem.ts', 'token', name], { cwd: root, env: cliEnv }).trim().split('\n');
    tokens[role] = out[out.length - 1]!.trim();
  }
  log('created bench-editor and bench-translator (locales my, km) and their API tokens');
  const core: string[] = [];
  if (ONLY.includes('save-history')) {
    // Two more copies of the statement: one without history, one whose Burmese translations
    // already hold 20,000 history entries (written through the store before the server starts).
    await statementWithHistory(dataDir, 'history-none', 'my', 0);
    await statementWithHistory(dataDir, 'history-20k', 'my', HISTORY_ENTRIES);
    log(`wrote statements history-none and history-20k (${HISTORY_ENTRIES} history entries in my)`);
  }

  // 2. Tandem as `npm start` runs it: built once (not measured), then the bundle in one Node
  // process (its pid is the server's).
  const buildStart = Date.now();
  buildServer(root);
  log(`built the server as npm start does (build/main.js) in ${((Date.now() - buildStart) / 1000).toFixed(1)} s`);
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), TANDEM_DATA_DIR: dataDir };
  delete serverEnv.TRUST_PROXY;
  const server = startNode('tandem', [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...SERVER_BUNDLE], {
    cwd: root,
    env: serverEnv,
    logFile: path.join(temp, 'server.log'),
  });
  children.push(server);
  const base = `http://${HOST}:${port}`;
  await waitForHealthy(server, `${base}/healthz`, 30_000);
  const pid = server.proc.pid!;
  pids.push(pid);
  log(`Tandem is up on ${base} (pid ${pid})`);

  // 3. Seed: the translator submits, the editor approves.
  const statement = await requestJson<{ segments: SourceSegment[] }>(`${base}/api/v1/statements/${SID}`);
  const segments = statement.segments;
  const seedStart = Date.now();
  const seeding: string[] = [];
  for (const plan of SEED) {
    const r = await seedLocale(base, SID, segments, plan, tokens);
    seeding.push(
      `${r.locale}: ${r.approved} segments submitted by bench-translator and approved by bench-editor` +
        (r.submitted ? `, ${r.submitted} more submitted and left for review` : '') +
        (r.drafts ? `, ${r.drafts} saved as drafts` : ''),
    );
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;
  seeding.push(
    `of ${segments.length} segments; stand-in text in the target script of about the source's length, with the source's placeholders, numbers and final punctuation (submissions confirm any remaining warning); seeding took ${seedSeconds.toFixed(1)} s through the API`,
  );
  log(`seeded in ${seedSeconds.toFixed(1)} s: ${seeding.slice(0, -1).join('; ')}`);

  // 4. The baseline server.
  const baseline = startNode('baseline', ['--import', 'tsx', 'scripts/bench/baseline-server.ts', baselineDir], {
    cwd: root,
    env: { ...process.env },
    logFile: path.join(temp, 'baseline.log'),
  });
  children.push(baseline);
  const baselinePort = Number((await waitForLine(baseline, /listening (\d+)/, 30_000))[1]);
  const baselineBase = `http://${HOST}:${baselinePort}`;
  const baselinePid = baseline.proc.pid!;
  pids.push(baselinePid);
  log(`baseline is up on ${baselineBase} (pid ${baselinePid})`);

  // The API and save load: as a browser (session cookie, CSRF header on writes) or as a tool.
  const sessions = AUTH === 'session' && ONLY.some((s) => ['api', 'review', 'workspace', 'published', 'save', 'save-32', 'save-history'].includes(s));
  const editor = sessions ? await browserSession(base, 'bench-editor', passwords.editor, `/s/${SID}/my`) : bearer(tokens.editor);
  const translator = sessions ? await browserSession(base, 'bench-translator', passwords.translator, `/s/${SID}/my`) : bearer(tokens.translator);
  log(`API and save load authenticates with ${AUTH === 'token' ? 'bearer tokens' : 'browser sessions (cookie; x-csrf-token on writes)'}`);
  const editorAuth = editor.read;
  const translatorAuth = translator.write;
  const rows: Row[] = [];
  const notes: string[] = [];
  const saves: string[] = [];

  /** Writes `body` as the baseline file `name` and checks that the baseline sends it back unchanged. */
  async function baselineFile(name: string, body: Buffer): Promise<string> {
    writeFileSync(path.join(baselineDir, name), body);
    const back = await request(`${baselineBase}/${name}`);
    if (back.status !== 200 || !back.body.equals(body)) throw new Error(`baseline does not serve ${name} as written`);
    return `/${name}`;
  }

  async function getScenario(key: ScenarioKey, label: string, urlPath: string, headers: Record<string, string>, file: string, mustContain: string[]) {
    // The exact bytes Tandem sends (identity encoding), for the baseline file and a sanity check.
    const probe = await request(`${base}${urlPath}`, { headers });
    if (probe.status !== 200) throw new Error(`GET ${urlPath} -> ${probe.status}: ${probe.body.toString('utf8').slice(0, 300)}`);
    const text = probe.body.toString('utf8');
    for (const s of mustContain) if (!text.includes(s)) throw new Error(`GET ${urlPath}: the response lacks "${s}": was the seeding shown?`);
    const baselinePath = await baselineFile(file, probe.body);
    const reqHeaders = { 'accept-encoding': ACCEPT_ENCODING, ...headers };
    log(`${label}: ${probe.body.length} bytes; measuring Tandem`);
    const app = await run({ url: `${base}${urlPath}`, headers: reqHeaders }, pid);
    log(`${label}: measuring the baseline`);
    const bl = await run({ url: `${baselineBase}${baselinePath}`, headers: reqHeaders }, baselinePid);
    if (app.measure.non2xx > 0) notes.push(`${label}: status codes ${JSON.stringify(app.statusCodes)}`);
    rows.push({ key, label, request: `GET ${urlPath}`, bodyBytes: probe.body.length, app: app.measure, baseline: bl.measure, isPage: key !== 'api' });
  }

  const approvedMy = 'မြန်မာနိုင်ငံ';
  const approvedKm = 'ប្រទេសមីយ៉ាន់ម៉ា';
  if (ONLY.includes('edition')) {
    await getScenario('edition', 'edition page (my)', `/s/${SID}/my`, {}, 'edition.html', [approvedMy]);
  }
  if (ONLY.includes('compare')) {
    await getScenario('compare', 'compare page (en, my, km)', `/s/${SID}/compare?langs=en,my,km`, {}, 'compare.html', [approvedMy, approvedKm]);
  }
  if (ONLY.includes('edition-rendered')) {
    // A logged-in reader bypasses the page cache: this row measures rendering every time.
    await getScenario('edition-rendered', 'edition page (my), logged in: cached page, own header', `/s/${SID}/my`, editorAuth, 'edition-rendered.html', [
      approvedMy,
    ]);
  }
  if (ONLY.includes('published')) {
    // Published editions (scripts/bench/published.ts): the same page with and without 8 writers.
    notes.push(
      ...(await publishedRows({
        base,
        sid: SID,
        segments,
        editorToken: tokens.editor,
        writer: translatorAuth,
        log,
        measure: (label, urlPath, file, mustContain) => getScenario('published', label, urlPath, {}, file, mustContain),
      })),
    );
  }
  if (ONLY.includes('workspace')) {
    // The translator's first view: its weight against the budget (bench/workspace-weight.ts), then its throughput.
    const weight = await workspaceWeight(base, `/translate/${SID}/my`, translator.read, ACCEPT_ENCODING);
    const within = weight.compressed < WORKSPACE_BUDGET.compressed && weight.uncompressed < WORKSPACE_BUDGET.uncompressed;
    notes.push(
      `workspace first view: ${weight.compressed} bytes compressed, ${weight.uncompressed} uncompressed (${weight.files.length} files, fonts aside): ${within ? 'within' : 'OVER'} the budget of 40 KB / 150 KB`,
    );
    await getScenario('workspace', 'translator workspace (my), first view', `/translate/${SID}/my`, translator.read, 'workspace.html', ['save-form']);
  }
  if (ONLY.includes('review')) {
    await getScenario('review', 'review queue (my, editor)', `/review/${SID}/my`, editorAuth, 'review.html', ['seg']);
  }
  if (ONLY.includes('api')) {
    await getScenario('api', 'translations API (my, editor)', `/api/v1/statements/${SID}/translations/my`, editorAuth, 'translations-my.json', [
      '"submitted"',
      '"draft"',
    ]);
  }

  const statementFile = path.join(dataDir, 'statements', `${SID}.json`);
  const fileSize = () => (existsSync(statementFile) ? statSync(statementFile).size : undefined);
  const journalFile = statementFile.replace(/\.json$/, '.journal.jsonl');
  const journalSize = () => (existsSync(journalFile) ? statSync(journalFile).size : undefined);

  if (ONLY.includes('save')) {
    const ids = segments.map((s) => s.id);
    const sourceOf = new Map(segments.map((s) => [s.id, s.source]));
    const saveUrl = (id: string) => `/api/v1/statements/${SID}/translations/my/${id}`;
    const serverRevisions = async () => {
      const list = await requestJson<TranslationView[]>(`${base}/api/v1/statements/${SID}/translations/my`, { headers: editorAuth });
      return new Map(ids.map((id) => [id, list.find((t) => t.segmentId === id)?.revision ?? 0]));
    };

    // One save by hand, on the segment of median source length: its response is the baseline file.
    const median = [...segments].sort((a, b) => a.source.length - b.source.length)[Math.floor(segments.length / 2)]!;
    const before = await serverRevisions();
    const sample = await request(`${base}${saveUrl(median.id)}`, {
      method: 'PUT',
      headers: translatorAuth,
      body: { text: standInTranslation(median.source, 'my', 1), baseRevision: before.get(median.id), action: 'save' },
    });
    if (sample.status !== 200) throw new Error(`PUT ${saveUrl(median.id)} -> ${sample.status}: ${sample.body.toString('utf8').slice(0, 300)}`);
    const baselinePath = await baselineFile('save-response.json', sample.body);
    const sizeBefore = fileSize();
    const journalBefore = journalSize();

    // The rotation: each request takes the next segment that has no save in flight, with the
    // revision it is known to be at; a non-2xx response takes its segment out of the rotation.
    let rev = await serverRevisions();
    const inFlight = new Set<string>();
    const failed = new Set<string>();
    const statusCounts: Record<string, number> = {};
    const failures: string[] = [];
    let ok = 0;
    let cursor = 0;
    let sent = 0;
    const savesRequest: autocannon.Request = {
      method: 'PUT',
      setupRequest(req, context) {
        for (const _ of ids) {
          const id = ids[cursor++ % ids.length]!;
          if (inFlight.has(id) || failed.has(id)) continue;
          const baseRevision = rev.get(id)!;
          rev.set(id, baseRevision + 1); // what a successful save makes it
          inFlight.add(id);
          context.segmentId = id;
          sent++;
          const text = standInTranslation(sourceOf.get(id)!, 'my', baseRevision + 3);
          return {
            ...req,
            method: 'PUT',
            path: saveUrl(id),
            headers: { ...req.headers, 'content-type': 'application/json' },
            body: JSON.stringify({ text, baseRevision, action: 'save' }),
          };
        }
        return null;
      },
      onResponse(status, body, context) {
        const id = context.segmentId as string;
        inFlight.delete(id);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        if (status >= 200 && status < 300) ok++;
        else {
          failed.add(id);
          if (failures.length < 5) failures.push(`${id}: ${status} ${body.slice(0, 200)}`);
        }
      },
    };
    const headers = { 'accept-encoding': ACCEPT_ENCODING, ...translatorAuth };
    // Saves cut off when a run stops may or may not have reached the disk: re-read after each run.
    const settle = async () => {
      await sleep(300);
      const cut = new Set(inFlight);
      const now = await serverRevisions();
      let lost = 0;
      for (const id of ids) {
        const expected = rev.get(id)!;
        const actual = now.get(id)!;
        const fine = actual === expected || (cut.has(id) && actual === expected - 1);
        if (!fine && !failed.has(id)) lost++;
      }
      inFlight.clear();
      rev = now;
      return { cut: cut.size, lost };
    };

    log('saves: measuring Tandem (warm-up, then the measurement)');
    const base0 = { connections: CONNECTIONS, pipelining: 1, timeout: 10 };
    const warm = await autocannon({ ...base0, url: base, headers, requests: [savesRequest], duration: WARMUP_SECONDS });
    const warmSettle = await settle();
    const warmOk = ok;
    ok = 0;
    sent = 0;
    const warmStatus = { ...statusCounts };
    for (const k of Object.keys(statusCounts)) delete statusCounts[k];
    const afterWarm = new Map(rev);

    const window = cpuWindow(pid, [baselinePid]);
    const r = await autocannon({ ...base0, url: base, headers, requests: [savesRequest], duration: SECONDS });
    const app = toMeasure(r, window(), pid);
    const measuredSettle = await settle();
    const increase = ids.reduce((n, id) => n + (rev.get(id)! - afterWarm.get(id)!), 0);
    const distinct = ids.filter((id) => rev.get(id)! > afterWarm.get(id)!).length;
    const sizeAfter = fileSize();

    log('saves: measuring the baseline');
    const bl = await run({ url: `${baselineBase}${baselinePath}`, headers }, baselinePid);
    rows.push({
      key: 'save',
      label: 'save draft (my, distinct segments)',
      request: `PUT /api/v1/statements/${SID}/translations/my/<s1..s${ids.length}, rotating> {text, baseRevision, action: "save"}`,
      bodyBytes: sample.body.length,
      app,
      baseline: bl.measure,
      isPage: false,
    });
    const errorsTotal = r.non2xx + r.errors + r.timeouts;
    saves.push(
      `${ok} saves answered 2xx in the measurement (${errorsTotal} errors: ${r.non2xx} non-2xx, ${r.errors} socket errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(statusCounts)})`,
      `rotation over all ${ids.length} segments s1..s${ids.length}, one save per segment per pass: ${distinct} distinct segments saved, ${(ok / ids.length).toFixed(1)} passes; no two saves of one segment in flight at once`,
      `revisions on the server grew by ${increase} over the measurement for ${ok} acknowledged saves and ${measuredSettle.cut} cut off by the end of the run; segments whose revision is not what the acknowledged saves make it: ${measuredSettle.lost} (lost or doubled updates)`,
      `warm-up before it: ${warmOk} saves 2xx, status codes ${JSON.stringify(warmStatus)}, ${warm.non2xx + warm.errors + warm.timeouts} errors, ${warmSettle.lost} revision mismatches`,
      `statement snapshot ${mib(sizeBefore)} before the saves, ${mib(sizeAfter)} after; journal ${mib(journalBefore)} before, ${mib(journalSize())} after (each save appends one line to the journal; the snapshot is rewritten only by a fold, past 1 MiB of journal)`,
      `baseline for this row: a GET of a static file holding one save's response (${sample.body.length} bytes, segment ${median.id} of median source length)`,
    );
    if (failures.length) saves.push(`first failures: ${failures.map((f) => `\`${f.replace(/`/g, "'")}\``).join('; ')}`);
    log(`saves: ${ok} ok, ${errorsTotal} errors, ${measuredSettle.lost} revision mismatches, ${sent} sent`);
  }

  if (ONLY.includes('save-32')) {
    const revisions = new Map(
      (await requestJson<TranslationView[]>(`${base}/api/v1/statements/${SID}/translations/km`, { headers: editorAuth })).map((t) => [
        t.segmentId,
        t.revision,
      ]),
    );
    const r = await measureSaves({ base, statementId: SID, locale: 'km', segments, revisions, headers: translatorAuth, clients: 32, seconds: SECONDS });
    core.push(describeLatency('saves, 32 concurrent translators (km, each on its own segments)', r));
    // The same loop below the HTTP edge: the use case and the store in this process.
    const inProcess = await measureSavesInProcess({ root, dataDir: path.join(temp, 'in-process'), statementId: SID, clients: 32, seconds: SECONDS });
    core.push(describeLatency('the same 32 translators without HTTP (saveTranslation and the store, in the benchmark process)', inProcess));
  }
  if (ONLY.includes('save-history')) {
    for (const id of ['history-none', 'history-20k']) {
      const revisions = new Map(
        (await requestJson<TranslationView[]>(`${base}/api/v1/statements/${id}/translations/my`, { headers: editorAuth })).map((t) => [
          t.segmentId,
          t.revision,
        ]),
      );
      const r = await measureSaves({ base, statementId: id, locale: 'my', segments, revisions, headers: translatorAuth, clients: 8, seconds: SECONDS });
      core.push(
        describeLatency(`saves, 8 translators, statement ${id === 'history-none' ? 'without history' : `with ${HISTORY_ENTRIES} history entries`}`, r),
      );
    }
  }
  if (ONLY.includes('startup')) {
    const largeDir = path.join(temp, 'large');
    mkdirSync(largeDir);
    const { historyEntries } = await translatedStatements(largeDir, 30, ['my', 'km', 'th']);
    const ids = Array.from({ length: 30 }, (_, k) => `statement-${String(k + 1).padStart(2, '0')}`);
    const r = await measureStartup(root, largeDir, temp, ids, children);
    // The baseline in the same run: the same server on an empty data directory (loading the code, importing the first statement).
    const emptyDir = path.join(temp, 'empty');
    mkdirSync(emptyDir);
    const empty = await measureStartup(root, emptyDir, temp, [], children);
    core.push(
      `start-up on 30 statements x 3 locales fully translated (${historyEntries} history entries): ready in ${(r.readyMs / 1000).toFixed(2)} s, ` +
        `RSS ${mib(r.rssAtReady)} at ready, ${mib(r.rssAfterReads)} after reading every statement's translations once; ` +
        `an empty data directory: ready in ${(empty.readyMs / 1000).toFixed(2)} s, RSS ${mib(empty.rssAtReady)} (the data's share: ${((r.readyMs - empty.readyMs) / 1000).toFixed(2)} s)`,
    );
  }
  for (const line of core) log(line);
  saves.push(...core);
  if (ONLY.includes('glossary')) for (const line of glossaryBench(SECONDS)) notes.push(`glossary matching: ${line}`);

  const peak = peakRss(pid);
  const table = consoleTable(rows);
  console.log(`\n${table}\n`);
  console.log(`Tandem server peak RSS (VmHWM): ${mib(peak)}`);
  const f = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(0)}%`);
  for (const row of rows) {
    console.log(
      `  ${row.label}: CPU Tandem ${f(row.app.cpuPercent)} (load ${f(row.app.loadCpuPercent)}, others ${f(row.app.otherCpuPercent)}), ` +
        `baseline ${f(row.baseline.cpuPercent)} (load ${f(row.baseline.loadCpuPercent)}, others ${f(row.baseline.otherCpuPercent)}); Tandem RSS after ${mib(row.app.rssAfter)}`,
    );
    const disturbed = Math.max(row.app.otherCpuPercent ?? 0, row.baseline.otherCpuPercent ?? 0);
    if (disturbed > 25) notes.push(`${row.label}: other processes used up to ${disturbed.toFixed(0)}% CPU during its measurements: figures disturbed`);
  }
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  notes.push(`load average at the start ${loadAtStart}, at the end ${load} (${os.cpus().length} CPUs)`);
  for (const line of saves) console.log(`  save: ${line}`);
  for (const line of notes) console.log(`  note: ${line}`);

  if (RESULTS !== '-') {
    writeFileSync(
      RESULTS,
      resultsMarkdown({
        date: new Date(),
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        connections: CONNECTIONS,
        acceptEncoding: ACCEPT_ENCODING,
        auth: AUTH === 'token' ? 'API bearer tokens' : "browser sessions (login, then the session cookie; writes add the session's x-csrf-token)",
        nodeEnv: process.env.NODE_ENV,
        rows,
        peakRss: peak,
        seeding,
        saves,
        notes: [
          ...notes,
          ...(ONLY.length < SCENARIOS.length ? [`only these scenarios were run: ${ONLY.join(', ')}`] : []),
          ...(PROFILE ? ['the server ran with --cpu-prof (slower than usual)'] : []),
          `whole run, seeding included: ${((Date.now() - started) / 1000).toFixed(0)} s`,
        ],
      }),
    );
    log(`wrote ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
  }

  if (PROFILE) {
    await stopChild(server, 15_000);
    // One profile per thread (the bundle runs in one; a tsx loader would add its own): the largest is the main thread's.
    const profiles = existsSync(profileDir)
      ? readdirSync(profileDir)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => path.join(profileDir, f))
      : [];
    const main = profiles.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (main) console.log(`\n${summarizeProfile(main, root)}`);
    else log('no CPU profile was written');
  }
}

// The run is bounded even if something hangs: measurements, seeding and start-up, with room.
const limitMs = ((SECONDS + WARMUP_SECONDS) * 2 * SCENARIOS.length * 1.5 + 600) * 1000;
const watchdog = setTimeout(() => {
  console.error(`[bench] still running after ${limitMs / 1000} s: giving up`);
  void cleanup().finally(() => process.exit(1));
}, limitMs);
watchdog.unref();

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (err: unknown) => {
    console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    for (const c of children) {
      const tail = existsSync(c.logFile) ? readFileSync(c.logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      console.error(`[bench] ${c.name} log (${c.logFile}), last lines:\n${tail}`);
    }
    await cleanup();
    process.exit(1);
  });
