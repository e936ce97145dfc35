// What every workspace module shares: the page's forms, its strings (resolved once by the server),
// the templates it renders for the script to copy, and small helpers over one segment's form.
export const forms = [...document.querySelectorAll('form.save-form')];
export const strings = (document.getElementById('ws-strings') || document.body).dataset;
const live = document.getElementById('live');

/** A copy of the server's markup in <template id="tpl-NAME">. */
export function fromTemplate(name) {
  const template = document.getElementById(`tpl-${name}`);
  return template.content.firstElementChild.cloneNode(true);
}

// getAttribute: the buttons named "action" shadow the form's own `action` property.
export const actionOf = (form) => new URL(form.getAttribute('action'), location.href).pathname;
export const apiUrl = (form) =>
  actionOf(form)
    .replace('/translate/', '/api/v1/statements/')
    .replace(/\/([^/]+)\/([^/]+)$/, '/translations/$1/$2');
export const csrf = (form) => form.querySelector('input[name=_csrf]').value;
export const areaOf = (form) => form.querySelector('textarea');
export const rowOf = (form) => form.closest('.work-row');
export const baseOf = (form) => form.querySelector('input[name=baseRevision]');

/**
 * The segment's source as the translator types it, markers included: the text of the one source
 * the page shows, without the glossary's tips and the addresses shown beside their `{n}` markers
 * (server/http/presenters/aids.ts, `sourceWithTerms`).
 */
export function sourceOf(form) {
  const source = rowOf(form).querySelector('.source');
  if (!source) return '';
  const copy = source.cloneNode(true);
  for (const aside of copy.querySelectorAll('.term-tip, .token-value')) aside.remove();
  return copy.textContent;
}

/** Forms with text typed and not yet saved (asked about before leaving the page). */
export const dirty = new Set();

export function say(form, message) {
  const state = form.querySelector('.save-state');
  if (state) state.textContent = message;
  if (live) live.textContent = message;
}

export async function json(url, options) {
  const response = await fetch(url, { credentials: 'same-origin', ...options });
  return { response, data: await response.json().catch(() => ({})) };
}

/** The part `selector` of a form's aids, copied from its template the first time it is needed. */
export function part(form, selector, template) {
  const aids = form.querySelector('.aids');
  let element = aids.querySelector(selector);
  if (!element) {
    element = fromTemplate(template);
    aids.append(element);
  }
  return element;
}
