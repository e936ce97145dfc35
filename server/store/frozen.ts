// Values the store hands out are frozen and shared: a caller can neither change the stored data
// through them nor see them change. Freezing once costs less than copying on every read.

/** Freezes a plain JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
