// Rendered markup is made once per owner (a frozen segment or glossary list) and text, and made
// again when the owner is replaced (a new source revision, a glossary change) or the text changes.
import { describe, expect, it } from '@jest/globals';
import { keptMarkup } from '../../server/http/presenters/markup-cache.js';
import { segmentHtml } from '../../server/http/presenters/work.js';
import { segment } from '../builders/domain.js';

describe('keptMarkup', () => {
  it('renders once per owner and text, again for a new text or a new owner', () => {
    const renders: string[] = [];
    const render = (text: string) => () => (renders.push(text), `<p>${text}</p>`);
    const owner = Object.freeze({ id: 's1' });
    expect(keptMarkup(owner, 'ပထမ', render('ပထမ'))).toBe('<p>ပထမ</p>');
    expect(keptMarkup(owner, 'ပထမ', render('ပထမ'))).toBe('<p>ပထမ</p>');
    expect(keptMarkup(owner, 'ទីពីរ', render('ទីពីរ'))).toBe('<p>ទីពីរ</p>');
    expect(keptMarkup(Object.freeze({ id: 's1' }), 'ပထမ', render('ပထမ'))).toBe('<p>ပထမ</p>');
    expect(renders).toEqual(['ပထမ', 'ទីពីរ', 'ပထမ']);
  });

  it('keeps at most `limit` texts per owner, dropping the oldest', () => {
    const owner = {};
    let renders = 0;
    const render = () => String(++renders);
    for (const text of ['a', 'b', 'c']) keptMarkup(owner, text, render, 2);
    expect(keptMarkup(owner, 'c', render, 2)).toBe('3');
    expect(keptMarkup(owner, 'a', render, 2)).toBe('4'); // dropped, made again
  });
});

describe('segmentHtml', () => {
  it('gives the same markup for the same segment and text, with the source link in place, and new markup for a new text', () => {
    const seg = segment(1, 'Read [the statement](https://example.org/s).', {
      placeholders: [{ n: 1, kind: 'link', value: 'https://example.org/s' }],
      source: 'Read <1>the statement</1>.',
    });
    const first = segmentHtml(seg, 'ဖတ်ပါ <1>ထုတ်ပြန်ချက်</1>။');
    expect(first).toBe(segmentHtml(seg, 'ဖတ်ပါ <1>ထုတ်ပြန်ချက်</1>။'));
    expect(first).toContain('href="https://example.org/s"');
    expect(segmentHtml(seg, 'អាន <1>សេចក្តីថ្លែងការណ៍</1>')).toContain('សេចក្តីថ្លែងការណ៍</a>');
  });
});
