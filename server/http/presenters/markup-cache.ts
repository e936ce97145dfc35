// Rendered markup kept while what it is made from is unchanged. The store hands out frozen,
// shared values: a segment object lives until a new source revision replaces the statement, and
// a glossary list until that glossary changes. Markup is kept per such object (a WeakMap: it goes
// with the object) and per text, so a translation's markup is made once per revision's text.
const kept = new WeakMap<object, Map<string, string>>();

/** The markup of `key` made from `owner`, rendered on first use; at most `limit` texts per owner. */
export function keptMarkup(owner: object, key: string, render: () => string, limit = 8): string {
  let entries = kept.get(owner);
  if (!entries) kept.set(owner, (entries = new Map<string, string>()));
  let markup = entries.get(key);
  if (markup === undefined) {
    markup = render();
    if (entries.size >= limit) entries.delete(entries.keys().next().value!); // the oldest text goes first
    entries.set(key, markup);
  }
  return markup;
}
