// The write queue with a writer whose writes the test completes or fails by hand: which changes
// share a write, and what a failed write undoes.
import { describe, expect, it } from '@jest/globals';
import { WriteQueue, type TextWriter } from '../../server/store/write-queue.js';

/** Records each write and leaves it pending until the test settles it. */
function handWriter() {
  const writes: Array<{ data: unknown; succeed: () => void; fail: (error: Error) => void }> = [];
  const writer: TextWriter = {
    writeText: (text) => new Promise<void>((resolve, reject) => writes.push({ data: JSON.parse(text), succeed: resolve, fail: reject })),
  };
  return { writer, writes };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteQueue', () => {
  it('writes changes made while a write is in flight together in the next write', async () => {
    const holder = { data: { count: 0 } };
    const { writer, writes } = handWriter();
    const queue = new WriteQueue(holder, writer);
    const first = queue.update((d) => ++d.count);
    await flush();
    const later = [queue.update((d) => ++d.count), queue.update((d) => ++d.count)];
    expect(writes.map((w) => w.data)).toEqual([{ count: 1 }]);
    writes[0]!.succeed();
    expect(await first).toBe(1);
    await flush();
    expect(writes.map((w) => w.data)).toEqual([{ count: 1 }, { count: 3 }]);
    writes[1]!.succeed();
    expect(await Promise.all(later)).toEqual([2, 3]);
  });

  it('on a failed write, rejects every caller whose change it undoes and restores the durable data', async () => {
    const holder = { data: { count: 0 } };
    const { writer, writes } = handWriter();
    const queue = new WriteQueue(holder, writer);
    const kept = queue.update((d) => ++d.count);
    await flush();
    writes[0]!.succeed();
    await kept;

    const failed = queue.update((d) => ++d.count);
    await flush();
    const waiting = queue.update((d) => ++d.count);
    writes[1]!.fail(new Error('disk full'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(waiting).rejects.toThrow('disk full');
    expect(holder.data).toEqual({ count: 1 });
    expect(writes).toHaveLength(2);

    const after = queue.update((d) => ++d.count);
    await flush();
    writes[2]!.succeed();
    expect(await after).toBe(2);
  });

  it('writes nothing for a change that throws', async () => {
    const { writer, writes } = handWriter();
    const queue = new WriteQueue({ data: { count: 0 } }, writer);
    await expect(
      queue.update(() => {
        throw new Error('stale');
      }),
    ).rejects.toThrow('stale');
    await flush();
    expect(writes).toHaveLength(0);
  });

  it('closes after the pending write, then refuses changes', async () => {
    const { writer, writes } = handWriter();
    const queue = new WriteQueue({ data: { count: 0 } }, writer);
    const pending = queue.update((d) => ++d.count);
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await flush();
    expect(closed).toBe(false);
    writes[0]!.succeed();
    await Promise.all([pending, closing]);
    await expect(queue.update((d) => ++d.count)).rejects.toThrow('closed');
  });
});
