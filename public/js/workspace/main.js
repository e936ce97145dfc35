// The translator workspace with JavaScript: saves without reloading (saving.js), checks the text
// while it is typed and offers the Zawgyi conversion (checks.js), suggestions from the translation
// memory (suggestions.js), keeps text on this device while offline (offline.js), moves to the next
// untranslated segment or the next with warnings, and warns before leaving unsaved text. Without
// JavaScript the same forms post normally. Shortcuts are listed on the page.
import { checkOnFocus, checkSoon, useConversion } from './checks.js';
import { keepPending, startOffline } from './offline.js';
import { areaOf, dirty, forms, rowOf, say, sourceOf } from './page.js';
import { makeSend } from './saving.js';
import { insertSuggestion, loadSuggestions } from './suggestions.js';

let current = forms[0];

function goTo(form) {
  if (!form) return false;
  current = form;
  areaOf(form).focus();
  rowOf(form).scrollIntoView({ block: 'center' });
  return true;
}

/** The next form after `form` (wrapping around) whose row satisfies `test`. */
function nextWhere(form, test) {
  const start = forms.indexOf(form);
  for (let step = 1; step < forms.length; step += 1) {
    const candidate = forms[(start + step) % forms.length];
    if (test(candidate)) return candidate;
  }
  return undefined;
}
const untranslated = (f) => rowOf(f).classList.contains('status-untranslated');
const warned = (f) => rowOf(f).querySelector('.checks .check-warning') !== null;
const TESTS = { untranslated, warning: warned };

/**
 * The next untranslated segment or the next with warnings: further down this page first (as the
 * rows are now), else where the row's own link leads, worked out by the server over every page (a
 * row of this page, or the page holding the next one). Returns the form to go to on this page, or
 * the link to follow.
 */
function nextOf(form, kind) {
  const below = forms.slice(forms.indexOf(form) + 1).find(TESTS[kind]);
  if (below) return { form: below };
  const link = form.querySelector(`a.next-${kind}`);
  if (!link) return {};
  const here = link.pathname === location.pathname && link.search === location.search;
  const onPage = forms.find((f) => rowOf(f).id === link.hash.slice(1));
  return here && onPage ? { form: onPage } : { link };
}

function goNext(form, kind) {
  const { form: target, link } = nextOf(form, kind);
  if (target) return goTo(target);
  if (link) location.assign(link.href);
  return Boolean(link);
}

const send = makeSend((form) => goTo(nextWhere(form, untranslated) || forms[forms.indexOf(form) + 1]));

function keepOriginal(form) {
  areaOf(form).value = sourceOf(form);
  void send(form, 'submit', { moveOn: true, keepOriginal: true });
}

if (forms.length > 0) {
  for (const form of forms) {
    const area = areaOf(form);
    area.addEventListener('input', () => {
      dirty.add(form);
      if (!navigator.onLine) keepPending(form, 'save');
      checkSoon(form);
    });
    area.addEventListener('focus', () => {
      current = form;
      void loadSuggestions(form);
      checkOnFocus(form);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = event.submitter && event.submitter.value;
      if (value === 'keep_original') return keepOriginal(form);
      void send(form, value === 'submit' ? 'submit' : 'save', { moveOn: true });
    });
    form.addEventListener('click', (event) => {
      if (event.target.closest && event.target.closest('.use-conversion')) useConversion(form);
    });
  }

  for (const link of document.querySelectorAll('a.next-untranslated, a.next-warning')) {
    link.addEventListener('click', (event) => {
      const form = link.closest('form.save-form');
      const { form: target } = form ? nextOf(form, link.classList.contains('next-warning') ? 'warning' : 'untranslated') : {};
      if (target && goTo(target)) event.preventDefault(); // else the link itself: another page
    });
  }

  document.addEventListener('keydown', (event) => {
    const form = event.target.closest ? event.target.closest('form.save-form') || current : current;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.target.tagName === 'TEXTAREA') {
      if (event.key === 'Enter') {
        event.preventDefault();
        void send(form, 'submit', { moveOn: true });
      } else if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        void send(form, 'save', { moveOn: false });
      }
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    // event.code: the physical key, whatever the keyboard layout (Burmese, Khmer...).
    const actions = {
      KeyN: () => goNext(form, 'untranslated'),
      KeyW: () => goNext(form, 'warning'),
      KeyU: () => useConversion(form),
      KeyK: () => form.querySelector('button.keep-original') && keepOriginal(form),
      Digit1: () => insertSuggestion(form, 0),
      Digit2: () => insertSuggestion(form, 1),
      Digit3: () => insertSuggestion(form, 2),
    };
    const action = actions[event.code];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  startOffline(send, say);

  window.addEventListener('beforeunload', (event) => {
    if (dirty.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}
