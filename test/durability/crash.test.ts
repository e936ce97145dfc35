// A save is acknowledged only once it is on disk: kill the real server with SIGKILL in the middle of
// a storm of saves from parallel clients, start it again, and find every acknowledged save, every
// data file readable, and the lock of the killed process no obstacle.
import { expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SID } from '../support/app.js';
import { jsonFilesUnder, startServer, tempDir, translatorToken } from './processes.js';

const CLIENTS = 8;
const KILL_AFTER = 150;
const SEGMENTS_PER_CLIENT = 3;
/** Words per locale, so the storm writes real Burmese and Khmer. */
const WORDS = { my: 'မြန်မာ ဘာသာပြန်', km: 'ការបកប្រែ ខ្មែរ' } as const;

interface Ack {
  locale: 'my' | 'km';
  segmentId: string;
  revision: number;
  text: string;
}

it('keeps every acknowledged save when the server is killed in a storm of saves', async () => {
  const dataDir = tempDir();
  const token = await translatorToken(dataDir, 'mya', 'my,km');
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  const first = await startServer(dataDir);
  const statement = (await (await fetch(`${first.url}/api/v1/statements/${SID}`)).json()) as { segments: { id: string }[] };
  const segmentIds = statement.segments.map((s) => s.id);
  expect(segmentIds.length).toBeGreaterThanOrEqual((CLIENTS / 2) * SEGMENTS_PER_CLIENT);

  const acks: Ack[] = [];
  /** The save each client had sent when the server died: on disk or not, never half. */
  const inFlight: Array<(Omit<Ack, 'revision'> & { baseRevision: number }) | undefined> = [];
  let killed = false;
  const client = async (c: number) => {
    const locale = c % 2 === 0 ? 'my' : 'km';
    // Clients of one locale take distinct segments; the two locales share segments (one file).
    const mine = segmentIds.slice(Math.floor(c / 2) * SEGMENTS_PER_CLIENT, (Math.floor(c / 2) + 1) * SEGMENTS_PER_CLIENT);
    const revisions = new Map<string, number>();
    for (let n = 0; !killed; n++) {
      const segmentId = mine[n % mine.length]!;
      const text = `${WORDS[locale]} ${c}·${n}`;
      const baseRevision = revisions.get(segmentId) ?? 0;
      inFlight[c] = { locale, segmentId, text, baseRevision };
      let response: Response;
      try {
        response = await fetch(`${first.url}/api/v1/statements/${SID}/translations/${locale}/${segmentId}`, {
          method: 'PUT',
          headers: auth,
          body: JSON.stringify({ text, baseRevision, action: 'save' }),
        });
      } catch {
        if (killed) return; // the connection died with the server: not acknowledged
        throw new Error('a save failed before the server was killed');
      }
      if (response.status !== 200) {
        if (killed) return;
        throw new Error(`save answered ${response.status}: ${await response.text()}\n${first.stderr()}`);
      }
      const body = (await response.json()) as { revision: number; text: string };
      expect(body.text).toBe(text);
      acks.push({ locale, segmentId, revision: body.revision, text });
      revisions.set(segmentId, body.revision);
      if (acks.length >= KILL_AFTER && !killed) {
        killed = true;
        first.child.kill('SIGKILL'); // the node process itself: no wrapper in between
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const death = await first.exited;
  expect(death.signal).toBe('SIGKILL');
  expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER);

  // The killed process could not remove its lock: the next start must take it over.
  expect(readFileSync(path.join(dataDir, 'tandem.lock'), 'utf8').split('\n')[0]).toBe(String(first.pid));

  // Every data file (and every backup) is whole JSON.
  const files = jsonFilesUnder(dataDir);
  expect(files.length).toBeGreaterThanOrEqual(2);
  const unreadable = files.filter((file) => {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
      return false;
    } catch {
      return true;
    }
  });
  expect(unreadable).toEqual([]);

  // Every acknowledged save is in its segment's history on disk (the statement's journal), at the
  // revision it was acknowledged with. Only the last line may be cut short (a write in flight).
  const journal = readFileSync(path.join(dataDir, 'statements', `${SID}.journal.jsonl`), 'utf8').split('\n');
  journal.pop(); // after the last newline: empty, or the torn line of the write the kill interrupted
  const history = new Map<string, { revision: number; text: string }[]>();
  for (const line of journal) {
    const record = JSON.parse(line) as {
      changes: { translation: { locale: string; segmentId: string }; history: { revision: number; text: string }[] }[];
    };
    for (const change of record.changes) {
      const key = `${change.translation.locale}/${change.translation.segmentId}`;
      history.set(key, [...(history.get(key) ?? []), ...change.history]);
    }
  }
  const missing = acks.filter((ack) => history.get(`${ack.locale}/${ack.segmentId}`)?.[ack.revision - 1]?.text !== ack.text);
  expect(missing).toEqual([]);

  // The restarted server serves, for each segment, the last acknowledged text or the save that was
  // in flight when the server died (written but not acknowledged): nothing else, nothing older.
  const second = await startServer(dataDir);
  for (const locale of ['my', 'km'] as const) {
    const response = await fetch(`${second.url}/api/v1/statements/${SID}/translations/${locale}`, { headers: auth });
    expect(response.status).toBe(200);
    const served = new Map(((await response.json()) as { segmentId: string; text: string; revision: number }[]).map((t) => [t.segmentId, t]));
    const last = new Map<string, Ack>();
    for (const ack of acks) if (ack.locale === locale) last.set(ack.segmentId, ack);
    for (const [segmentId, ack] of last) {
      const now = served.get(segmentId);
      const pending = inFlight.find((f) => f?.locale === locale && f.segmentId === segmentId && f.baseRevision === ack.revision);
      const expected =
        now && now.revision > ack.revision && pending ? { revision: ack.revision + 1, text: pending.text } : { revision: ack.revision, text: ack.text };
      expect({ segmentId, revision: now?.revision, text: now?.text }).toEqual({ segmentId, ...expected });
    }
  }
  second.child.kill('SIGTERM');
  const stopped = await second.exited;
  expect(stopped.code).toBe(0);
  expect(existsSync(path.join(dataDir, 'tandem.lock'))).toBe(false); // a clean stop releases the lock
}, 120_000); // four processes start one after another: slow on a loaded machine
