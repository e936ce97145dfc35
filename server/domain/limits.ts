// One definition of each rule on identifiers and texts, used by the http edge (zod schemas), the
// use cases and the store alike.
import type { Segment } from './types.js';

/** A statement id is a slug: it names a file, so it cannot climb out of a directory. */
export const STATEMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Segment ids as the segmenter makes them: s1, s2... */
export const SEGMENT_ID = /^s[0-9]{1,6}$/;
/** Longest locale tag accepted (BCP 47 tags are short; this bounds what reaches Intl). */
export const LOCALE_TAG_MAX = 64;
/** Characters of a locale tag as typed (canonicalised by Intl afterwards). */
export const LOCALE_TAG = /^[A-Za-z0-9-]+$/;
/** Longest translation accepted, in UTF-16 code units (the longest source segment is ~1,300). */
export const MAX_TRANSLATION_LENGTH = 10_000;

/** NFC (one spelling per character, so checks and memory compare like with like), LF newlines. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}

/** Segments whose text may be kept as in the source: names of organisations. */
export const KEEPABLE_KINDS: ReadonlySet<Segment['kind']> = new Set(['signatory', 'supporter']);

export const canKeepOriginal = (segment: Segment): boolean => KEEPABLE_KINDS.has(segment.kind);

/** A text kept as in the source is the source itself, in a segment that may keep it. */
export const keepsOriginal = (segment: Segment, text: string): boolean => canKeepOriginal(segment) && text === segment.source.normalize('NFC');
