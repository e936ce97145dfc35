// Sentence-final punctuation consistent with the source. Burmese ends a sentence with ။ and Khmer
// with ។ (or ៕ at the end of a text); Thai and Lao end it with nothing.
import { NO_FULL_STOP_SCRIPTS, nativeFullStop } from './scripts.js';
import { problem, type Check } from './types.js';

export type Ending = 'stop' | 'question' | 'exclamation' | 'colon' | 'ellipsis' | 'none';

const ENDINGS: ReadonlyArray<readonly [Ending, RegExp]> = [
  ['ellipsis', /(?:…|\.\.\.)$/u],
  ['stop', /[.။។៕।۔。።．]$/u],
  ['question', /[?？؟]$/u],
  ['exclamation', /[!！]$/u],
  ['colon', /[:：៖]$/u],
];

/** How a text ends, looking through closing quotes and brackets (`… “no.”` ends with a stop). */
export function endingOf(text: string): { ending: Ending; mark: string } {
  const trimmed = text.trim().replace(/[\s"'”’»」)\]]+$/u, '');
  for (const [ending, pattern] of ENDINGS) {
    const match = pattern.exec(trimmed);
    if (match) return { ending, mark: match[0] };
  }
  return { ending: 'none', mark: '' };
}

const MARK_OF: Record<Exclude<Ending, 'none'>, string> = { stop: '.', question: '?', exclamation: '!', colon: ':', ellipsis: '…' };

export const punctuationCheck: Check = {
  id: 'punctuation',
  severity: 'warning',
  run({ sourceTyped, targetTyped, script }) {
    const source = endingOf(sourceTyped).ending;
    const target = endingOf(targetTyped);
    const native = nativeFullStop(script);
    const optionalStop = script !== undefined && NO_FULL_STOP_SCRIPTS.has(script);

    if (source === 'stop') {
      if (native && target.ending === 'stop' && !native.includes(target.mark) && !(script === 'Khmr' && target.mark === '៕')) {
        // Name the mark actually found: a Khmer ។ in Burmese is not "a Latin full stop".
        return [problem(this, 'checks.punctuation.native_stop', { stop: native, found: target.mark })];
      }
      if (target.ending === 'stop' || (optionalStop && target.ending === 'none')) return [];
      return [problem(this, 'checks.punctuation.missing_stop', { stop: native ?? '.' })];
    }
    if (source === target.ending) return [];
    // A Burmese or Khmer question or exclamation may end with the particle and a full stop.
    if (native && (source === 'question' || source === 'exclamation') && target.ending === 'stop') return [];
    if (source === 'none') {
      return target.ending === 'stop' ? [problem(this, 'checks.punctuation.extra_stop', { stop: target.mark })] : [];
    }
    return [problem(this, 'checks.punctuation.mismatch', { expected: MARK_OF[source] })];
  },
};
