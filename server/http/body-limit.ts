// The largest request body accepted, derived from the longest translation rather than picked:
// a form must carry 10,000 characters of any script. The worst case is a character of 4 UTF-8
// bytes, each byte percent-encoded as %XX (3 bytes): 12 bytes a character. JSON's worst case is
// the same (a character outside the BMP escaped as two \uXXXX). The other fields of a form (CSRF
// token, base revision, action, confirmation) take well under the margin.
import { MAX_TRANSLATION_LENGTH } from '../domain/checks.js';

const WORST_BYTES_PER_CHARACTER = 4 * 3;
const OTHER_FIELDS = 8 * 1024;

/** The largest body that carries `characters` characters of any script, with the form's other fields. */
export const bodyLimitFor = (characters: number) => characters * WORST_BYTES_PER_CHARACTER + OTHER_FIELDS;

/** Bytes: 10,000 × 12 + 8 KiB = 128,192 (about 125 KiB). */
export const BODY_LIMIT = bodyLimitFor(MAX_TRANSLATION_LENGTH);
