// Identifies a segment's source text, so a translation knows which source it was made against.
// node:crypto is deterministic, so this stays a pure function.
import { createHash } from 'node:crypto';

/** First 16 hex digits (64 bits) of the SHA-256 of the UTF-8 text: plenty to tell revisions apart. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 16);
}
