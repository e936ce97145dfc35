// Turns measurements into the console table and bench/RESULTS.md.
import os from 'node:os';

/** One autocannon run, reduced to what the report shows. */
export interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Bytes on the wire per response (headers included, after compression). */
  wireBytesPerResponse: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU use of the serving process during the run (100 = one core busy). */
  cpuPercent?: number;
  /** CPU use of this process (autocannon) during the run. */
  loadCpuPercent?: number;
  /** CPU use of every other process on the machine during the run (disturbance). */
  otherCpuPercent?: number;
  /** Resident memory of the serving process after the run. */
  rssAfter?: number;
}

export interface Row {
  key: string;
  label: string;
  request: string;
  /** Body of the measured response, uncompressed (the baseline file has exactly these bytes). */
  bodyBytes: number;
  app: Measure;
  baseline: Measure;
  isPage: boolean;
}

export const GOAL_RATIO = 0.5;
export const GOAL = "pages at half the baseline's throughput or better";

export const ratio = (row: Row) => (row.baseline.requestsPerSecond > 0 ? row.app.requestsPerSecond / row.baseline.requestsPerSecond : 0);
const met = (row: Row) => (ratio(row) >= GOAL_RATIO ? 'met' : 'not met');
const problems = (m: Measure) => m.non2xx + m.errors + m.timeouts;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const pct = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(0));
export const mib = (n: number | undefined) => (n === undefined ? 'n/a' : `${(n / 1024 / 1024).toFixed(1)} MiB`);

const HEADER = [
  'scenario',
  'req/s',
  'p50 ms',
  'p99 ms',
  'body bytes',
  'wire B/resp',
  'errors',
  'baseline req/s',
  'baseline p50',
  'baseline p99',
  'ratio',
  'goal',
];

function cells(row: Row): string[] {
  return [
    row.label,
    int(row.app.requestsPerSecond),
    ms(row.app.p50),
    ms(row.app.p99),
    int(row.bodyBytes),
    int(row.app.wireBytesPerResponse),
    String(problems(row.app)),
    int(row.baseline.requestsPerSecond),
    ms(row.baseline.p50),
    ms(row.baseline.p99),
    ratio(row).toFixed(2),
    row.isPage ? met(row) : `${met(row)} (not a page)`,
  ];
}

export function consoleTable(rows: Row[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(cells).map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][], rightAligned: (i: number) => boolean = (i) => i > 0): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (rightAligned(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function machine(): { cpu: string; cpus: number; memory: string; os: string; node: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}

export interface Report {
  date: Date;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  acceptEncoding: string;
  /** How the API and save load authenticated. */
  auth: string;
  nodeEnv: string | undefined;
  rows: Row[];
  peakRss: number | undefined;
  seeding: string[];
  saves: string[];
  notes: string[];
}

export function resultsMarkdown(r: Report): string {
  const m = machine();
  const pages = r.rows.filter((row) => row.isPage);
  const verdict = pages.every((row) => ratio(row) >= GOAL_RATIO) ? 'met by every page' : 'not met by every page';
  return `# Benchmark results

Written by \`npm run bench\` (scripts/bench.ts) on ${r.date.toISOString()}. How it works and how
to read it: [README.md](README.md).

**Goal: ${GOAL}** (ratio = Tandem's requests/s divided by the baseline's; met at
${GOAL_RATIO.toFixed(2)} or more). Result: ${verdict}. The API and save rows are held to the same
bar for information only: they are not pages.

## Machine

| | |
| --- | --- |
| CPU | ${m.cpu}, ${m.cpus} logical CPUs |
| memory | ${m.memory} |
| OS | ${m.os} |
| Node | ${m.node} |
| date | ${r.date.toISOString()} |

Load generator (autocannon 9, in the benchmark's own process), Tandem and the baseline all run on
this machine and share its CPUs.

## Settings

${r.seconds} s per measurement after ${r.warmupSeconds} s of warm-up, ${r.connections} connections, no pipelining, 127.0.0.1 only,
\`Accept-Encoding: ${r.acceptEncoding}\`, NODE_ENV ${r.nodeEnv === undefined ? 'unset' : `\`${r.nodeEnv}\``} for the server.
Pages are read anonymously; the API and save rows authenticate with ${r.auth}.

## Results

${markdownTable(HEADER, r.rows.map(cells), (i) => i > 0 && i < HEADER.length - 1)}

Latencies in milliseconds. "body bytes" is the uncompressed response body; "wire B/resp" is what
crossed the socket per response (headers included, compressed). "errors" counts non-2xx
responses, socket errors and timeouts during the measurement.

Requests:

${r.rows.map((row) => `- ${row.label}: \`${row.request}\``).join('\n')}

## Server process

Peak resident memory of the Tandem server over the whole run (VmHWM): **${mib(r.peakRss)}**.

${markdownTable(
  ['measurement', 'server CPU %', 'load generator CPU %', 'other processes CPU %', 'server RSS after', 'responses'],
  r.rows.flatMap((row) =>
    (
      [
        ['Tandem', row.app],
        ['baseline', row.baseline],
      ] as const
    ).map(([who, m]) => [
      `${row.label}: ${who}`,
      pct(m.cpuPercent),
      pct(m.loadCpuPercent),
      pct(m.otherCpuPercent),
      who === 'Tandem' ? mib(m.rssAfter) : '',
      int(m.responses),
    ]),
  ),
)}

CPU % is user + system time over the measurement's wall time (100 = one core; the machine has
${m.cpus * 100}). Node serves on one thread, so a server near 100 was the limit, not the load
generator. "other processes" is the rest of the machine's CPU time during the measurement (other
work on the machine, the kernel's share not charged to a process): well above a few percent,
the figures are disturbed and worth running again.

## Seeding

${r.seeding.map((l) => `- ${l}`).join('\n')}

## Saves

${r.saves.map((l) => `- ${l}`).join('\n')}
${r.notes.length ? `\n## Notes\n\n${r.notes.map((l) => `- ${l}`).join('\n')}\n` : ''}`;
}
