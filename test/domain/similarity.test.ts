// Translation memory matching: scores, ranking and the trigram prefilter agreeing with a full scan.
import { describe, expect, it } from '@jest/globals';
import { buildMemoryIndex, lookupMemory, lookupMemoryExhaustive, matchKey, similarity } from '../../server/domain/similarity.js';

const memory = buildMemoryIndex([
  { source: 'Chin Community (Australia)', target: 'ချင်းအသိုင်းအဝိုင်း (ဩစတြေးလျ)' },
  { source: 'Chin Community (Australia)', target: 'ချင်းအသိုင်းအဝိုင်း (ဩစတြေးလျ)' }, // the same pair twice counts once
  { source: 'Burmese Community (Australia)', target: 'ဗမာအသိုင်းအဝိုင်း (ဩစတြေးလျ)' },
  { source: 'Karen Women Organization', target: 'ကရင်အမျိုးသမီးအစည်းအရုံး' },
  { source: 'Cambodian Center for Human Rights', target: 'មជ្ឈមណ្ឌលសិទ្ធិមនុស្សកម្ពុជា' },
  { source: 'As of today, 1,398 people have been <1>killed</1>.', target: 'ယနေ့အထိ လူ ၁,၃၉၈ ဦး <1>သတ်ဖြတ်</1>ခံခဲ့ရသည်။' },
]);

describe('matchKey and similarity', () => {
  it.each([
    ['markers, case and spaces do not count', 'have been <1>Killed</1>  today', 'have been killed today'],
    ['Burmese is kept as it is (NFC)', 'မြန်မာ  ပြည်', 'မြန်မာ ပြည်'],
    ['Khmer is kept as it is (NFC)', ' កម្ពុជា ', 'កម្ពុជា'],
  ])('%s', (_n, text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it.each([
    ['identical', 'abc', 'abc', 1],
    ['nothing shared', 'abc', 'xyz', 0],
    ['one edit in four', 'abcd', 'abed', 0.75],
    ['Burmese: one character changed', 'ကရင်', 'ကချင်', 0.6],
  ])('%s', (_n, a, b, score) => {
    expect(similarity(a, b)).toBeCloseTo(score, 5);
  });
});

describe('lookupMemory', () => {
  it('offers the Chin translation for the Karen community, best first', () => {
    const matches = lookupMemory(memory, 'Karen Community (Australia)');
    expect(matches.map((m) => m.source)).toEqual(['Chin Community (Australia)', 'Burmese Community (Australia)']);
    expect(matches[0]).toEqual({ source: 'Chin Community (Australia)', target: 'ချင်းအသိုင်းအဝိုင်း (ဩစတြေးလျ)', score: expect.any(Number) });
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
    expect(matches[0]!.score).toBeGreaterThan(0.7);
    expect(matches[0]!.score).toBeLessThan(1);
  });

  it('scores an exact match 1, markers and case aside', () => {
    expect(lookupMemory(memory, 'as of today, 1,398 people have been killed.')[0]).toMatchObject({ score: 1, target: expect.stringContaining('<1>') });
  });

  it('offers nothing below the lowest score, and nothing for an empty query', () => {
    expect(lookupMemory(memory, 'Joint Statement by the Civil Society Organizations')).toEqual([]);
    expect(lookupMemory(memory, '  ')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(lookupMemory(memory, 'Karen Community (Australia)', { limit: 1 })).toHaveLength(1);
  });

  it('finds the best match a full scan finds, among 3,000 generated names', () => {
    const words = (
      'Karen Chin Mon Shan Kachin Rakhine Kayah Burmese Rohingya Women Youth Students Network Union Community Forum ' +
      'Human Rights Democracy Federal Action Committee League Organization Association Coalition Alliance Campaign Support ' +
      'Movement Center Foundation Friends Justice Peace Freedom Education Development Relief Society Council Group'
    ).split(' ');
    const places = ['(Australia)', '(Thailand)', '(Japan)', '(Canada)', '(Norway)', '(USA)', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const name = () => [pick(words), pick(words), pick(words), pick(places)].join(' ').trim();
    const index = buildMemoryIndex(Array.from({ length: 3000 }, (_, i) => ({ source: name(), target: `t${i}` })));
    for (let i = 0; i < 30; i += 1) {
      const query = name();
      const fast = lookupMemory(index, query);
      const full = lookupMemoryExhaustive(index, query);
      expect(fast[0]?.score).toBe(full[0]?.score);
      expect(fast.map((m) => m.score)).toEqual([...fast.map((m) => m.score)].sort((a, b) => b - a));
      for (const m of fast) expect(m.score).toBeCloseTo(similarity(matchKey(query), matchKey(m.source)), 2);
    }
  });
});
