// Checks while the translator types, and the one-click Zawgyi conversion. The list, the
// confirmation box and the conversion box are copies of the server's markup (templates).
import { apiUrl, areaOf, csrf, dirty, fromTemplate, json, part, say, sourceOf, strings } from './page.js';

/** Last checks answer per form: { checks, conversion }. */
export const lastChecks = new Map();

export function showChecks(form, checks, conversion) {
  lastChecks.set(form, { checks, conversion });
  const list = checks.length > 0 ? part(form, '.checks', 'checks') : form.querySelector('.checks');
  if (list) {
    list.replaceChildren(
      ...checks.map((c) => {
        const item = fromTemplate(`check-${c.severity === 'error' ? 'error' : 'warning'}`);
        item.dataset.check = c.id;
        item.append(` ${c.message}`);
        return item;
      }),
    );
  }
  const hasWarnings = checks.some((c) => c.severity === 'warning');
  const confirm = hasWarnings ? part(form, '.confirm-warnings', 'confirm') : form.querySelector('.confirm-warnings');
  if (confirm) {
    confirm.hidden = !hasWarnings;
    if (!hasWarnings) confirm.querySelector('input').checked = false;
  }
  const box = conversion ? part(form, '.conversion', 'conversion') : form.querySelector('.conversion');
  if (box) {
    box.hidden = !conversion;
    box.querySelector('.converted').textContent = conversion ? conversion.text : '';
  }
}

async function runChecks(form) {
  const area = areaOf(form);
  try {
    const { response, data } = await json(`${apiUrl(form)}/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(form) },
      body: JSON.stringify({ text: area.value, keepOriginal: form.dataset.keepOriginal === 'true' && area.value === sourceOf(form) }),
    });
    if (response.ok && areaOf(form).value === area.value) showChecks(form, data.checks || [], data.conversion);
  } catch {
    // Offline: the checks run again on the next change, and always on save.
  }
}

const timers = new Map();
export function checkSoon(form) {
  clearTimeout(timers.get(form));
  timers.set(
    form,
    setTimeout(() => void runChecks(form), 400),
  );
}
export function checkOnFocus(form) {
  if (!lastChecks.has(form) && areaOf(form).value.trim() !== '') void runChecks(form);
}

export function replaceText(form, text) {
  const area = areaOf(form);
  area.focus();
  area.select();
  // insertText keeps the browser's undo history; assigning the value is the fallback.
  if (!document.execCommand || !document.execCommand('insertText', false, text)) area.value = text;
  if (area.value !== text) area.value = text;
  dirty.add(form);
  checkSoon(form);
}

export function useConversion(form) {
  const offered = lastChecks.get(form)?.conversion;
  if (!offered) return;
  replaceText(form, offered.text);
  say(form, strings.converted || '✓');
}
