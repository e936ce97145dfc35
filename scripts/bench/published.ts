// Bench rows for published editions: the anonymous latest version of the Burmese edition with no
// writes, then the same page while 8 writers (the translator's browser session, one segment each)
// save a draft every 500 ms. Saves never throw a published page away, so the two should match.
import { setTimeout as sleep } from 'node:timers/promises';
import { request, requestJson } from './processes.js';
import { standInTranslation, type SourceSegment, type TranslationView } from './seed.js';

export interface PublishedBench {
  base: string;
  sid: string;
  segments: SourceSegment[];
  /** Bearer token of an editor of `my` (one publish). */
  editorToken: string;
  /** Headers of a translator's writes (session cookie and CSRF token, or a bearer token). */
  writer: Record<string, string>;
  /** Measures Tandem and the baseline on a GET (bench.ts getScenario). */
  measure(label: string, urlPath: string, file: string, mustContain: string[]): Promise<void>;
  log(line: string): void;
}

const WRITERS = 8;
const EVERY_MS = 500;

/** Publishes `my`, measures both rows; returns notes for the results. */
export async function publishedRows(b: PublishedBench): Promise<string[]> {
  const published = await requestJson<{ version: number; percentApproved: number }>(`${b.base}/api/v1/statements/${b.sid}/editions/my`, {
    method: 'POST',
    headers: { authorization: `Bearer ${b.editorToken}` },
    body: { note: 'bench' },
  });
  b.log(`published the Burmese edition, version ${published.version} (${published.percentApproved} % approved)`);
  const path = `/s/${b.sid}/my`;
  await b.measure('published edition (my), anonymous, no writes', path, 'published.html', ['class="stamp"']);

  // 8 writers, each on a segment of its own from the end of the statement, saving every 500 ms.
  const ids = b.segments.slice(-WRITERS).map((s) => s.id);
  const list = await requestJson<TranslationView[]>(`${b.base}/api/v1/statements/${b.sid}/translations/my`, { headers: b.writer });
  const revision = new Map(ids.map((id) => [id, list.find((t) => t.segmentId === id)?.revision ?? 0]));
  const source = new Map(b.segments.map((s) => [s.id, s.source]));
  let running = true;
  let ok = 0;
  let failed = 0;
  const writers = ids.map(async (id, i) => {
    await sleep((EVERY_MS / WRITERS) * i); // spread over the interval
    while (running) {
      const started = Date.now();
      const base = revision.get(id)!;
      const res = await request(`${b.base}/api/v1/statements/${b.sid}/translations/my/${id}`, {
        method: 'PUT',
        headers: b.writer,
        body: { text: standInTranslation(source.get(id)!, 'my', base + 7), baseRevision: base, action: 'save' },
      }).catch(() => undefined);
      if (res?.status === 200) {
        ok += 1;
        revision.set(id, base + 1);
      } else failed += 1;
      await sleep(Math.max(0, EVERY_MS - (Date.now() - started)));
    }
  });
  try {
    await b.measure(
      `published edition (my), anonymous, while ${WRITERS} translators each save a draft every ${EVERY_MS} ms`,
      path,
      'published-writes.html',
      ['class="stamp"'],
    );
  } finally {
    running = false;
    await Promise.all(writers);
  }
  return [
    `published edition rows: ${ok} drafts saved during the second row (and its baseline), ${failed} refused or failed; writers: ${WRITERS} loops on segments ${ids.join(', ')}, one save each per ${EVERY_MS} ms`,
  ];
}
