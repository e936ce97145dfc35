// Save latency measured client by client: `clients` translators, each saving its own segments one
// after another (each save names the revision the previous one returned) for `seconds`. Reports
// p50 and p99 of the latency and the saves per second, all acknowledged.
import { performance } from 'node:perf_hooks';
import { request } from './processes.js';
import { standInTranslation } from './seed.js';

export interface SaveLatency {
  saves: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export async function measureSaves(opts: {
  base: string;
  statementId: string;
  locale: string;
  segments: ReadonlyArray<{ id: string; source: string }>;
  /** Current revision of each segment in this locale. */
  revisions: Map<string, number>;
  headers: Record<string, string>;
  clients: number;
  seconds: number;
}): Promise<SaveLatency> {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  const client = async (c: number) => {
    const mine = opts.segments.filter((_, i) => i % opts.clients === c);
    for (let n = 0; performance.now() < end && mine.length > 0; n++) {
      const segment = mine[n % mine.length]!;
      const baseRevision = opts.revisions.get(segment.id) ?? 0;
      const t0 = performance.now();
      const response = await request(`${opts.base}/api/v1/statements/${opts.statementId}/translations/${opts.locale}/${segment.id}`, {
        method: 'PUT',
        headers: opts.headers,
        body: { text: standInTranslation(segment.source, opts.locale, baseRevision + 7), baseRevision, action: 'save' },
      });
      latencies.push(performance.now() - t0);
      if (response.status !== 200) {
        failures++;
        continue;
      }
      opts.revisions.set(segment.id, (JSON.parse(response.body.toString('utf8')) as { revision: number }).revision);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { saves: latencies.length - failures, failures, perSecond: (latencies.length - failures) / elapsed, p50: at(0.5), p99: at(0.99) };
}

export const describeLatency = (label: string, r: SaveLatency) =>
  `${label}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.perSecond.toFixed(0)} saves/s (${r.saves} acknowledged, ${r.failures} refused)`;
