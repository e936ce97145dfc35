// Translation-memory suggestions when a segment gets focus; one click or Alt+1/2/3 inserts one.
import { replaceText } from './checks.js';
import { fromTemplate, json, part, sourceOf, strings } from './page.js';

const suggestions = new Map();
const numbering = { my: 'mymr', km: 'khmr' }[document.documentElement.lang];
const percent = new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'percent', ...(numbering ? { numberingSystem: numbering } : {}) });

export async function loadSuggestions(form) {
  const source = sourceOf(form);
  if (suggestions.has(form) || !source) return;
  suggestions.set(form, []);
  const query = new URLSearchParams({ locale: strings.locale, q: source, limit: '3' });
  let found = [];
  try {
    const { response, data } = await json(`/api/v1/tm?${query}`);
    if (response.ok && Array.isArray(data)) found = data;
  } catch {
    suggestions.delete(form); // try again when the connection is back
    return;
  }
  suggestions.set(form, found);
  if (found.length === 0) return;
  const box = part(form, '.suggestions', 'suggestions');
  box.querySelector('ol').replaceChildren(
    ...found.map((s, i) => {
      const item = fromTemplate('suggestion');
      item.querySelector('.suggestion-text').textContent = s.target;
      item.querySelector('.suggestion-source').textContent = s.source;
      const score = item.querySelector('.score');
      score.textContent = score.textContent.replace('{{score}}', percent.format(s.score));
      const insert = item.querySelector('button');
      insert.textContent = `${insert.textContent} (Alt+${i + 1})`;
      insert.addEventListener('click', () => replaceText(form, s.target));
      return item;
    }),
  );
}

export function insertSuggestion(form, n) {
  const s = (suggestions.get(form) || [])[n];
  if (s) replaceText(form, s.target);
}
