// The translator workspace with JavaScript: saves without reloading, checks the text while it is
// typed, offers translation-memory suggestions and a one-click Zawgyi conversion, moves to the next
// untranslated segment or the next one with warnings, keeps text on this device while the
// connection is down and sends it when it returns, and warns before leaving unsaved text.
// Without JavaScript the same forms post normally. Shortcuts are listed on the page.
(() => {
  const forms = [...document.querySelectorAll('form.save-form')];
  if (forms.length === 0) return;
  const live = document.getElementById('live');
  const strings = (document.getElementById('ws-strings') || document.body).dataset;
  // getAttribute: the buttons named "action" shadow the form's own `action` property.
  const actionOf = (form) => new URL(form.getAttribute('action'), location.href).pathname;
  // Unsent text belongs to one account: its key names the account the page was made for, text of
  // any other account is dropped unseen, and logging out drops it all (the server also answers the
  // logout with Clear-Site-Data). Another account on this browser never sees or sends it.
  const PENDING = 'tandem:pending:';
  const account = strings.account || '';
  const pendingKey = (form) => `${PENDING}${account}:${actionOf(form)}`;
  const dropPending = (keep) => {
    for (let i = localStorage.length - 1; i >= 0; i -= 1) {
      const key = localStorage.key(i);
      if (key && key.startsWith(PENDING) && !(keep && key.startsWith(`${PENDING}${account}:`))) localStorage.removeItem(key);
    }
  };
  dropPending(true);
  for (const logout of document.querySelectorAll('form[action="/logout"]')) logout.addEventListener('submit', () => dropPending(false));
  const dirty = new Set();
  /** Last checks answer per form: { checks, conversion }. */
  const lastChecks = new Map();
  /** Suggestions per form, once fetched. */
  const suggestions = new Map();
  let current = forms[0];

  const apiUrl = (form) =>
    actionOf(form).replace('/translate/', '/api/v1/statements/').replace(/\/([^/]+)\/([^/]+)$/, '/translations/$1/$2');
  const csrf = (form) => form.querySelector('input[name=_csrf]').value;
  const areaOf = (form) => form.querySelector('textarea');
  const rowOf = (form) => form.closest('.work-row');

  function say(form, message) {
    const state = form.querySelector('.save-state');
    if (state) state.textContent = message;
    if (live) live.textContent = message;
  }

  function setStatus(form, status, label) {
    const row = rowOf(form);
    if (!row) return;
    row.className = row.className.replace(/status-[a-z_]+/, `status-${status}`);
    const badge = row.querySelector('.seg-head .status');
    if (badge) {
      badge.className = `status status-${status}`;
      badge.lastChild.textContent = label;
    }
  }

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

  async function json(url, options) {
    const response = await fetch(url, { credentials: 'same-origin', ...options });
    return { response, data: await response.json().catch(() => ({})) };
  }

  // --- checks -------------------------------------------------------------------------------

  /** The part `selector` of a form's aids, made by `make` the first time it is needed. */
  function part(form, selector, make) {
    const aids = form.querySelector('.aids');
    let element = aids.querySelector(selector);
    if (!element) {
      element = make();
      aids.append(element);
    }
    return element;
  }

  function makeChecks() {
    const list = Object.assign(document.createElement('ul'), { className: 'checks' });
    list.setAttribute('aria-live', 'polite');
    return list;
  }
  function makeConfirm() {
    const label = Object.assign(document.createElement('label'), { className: 'confirm-warnings' });
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'confirmWarnings', value: 'true' });
    label.append(box, ` ${strings.confirmWarnings || ''}`);
    return label;
  }
  function makeConversion() {
    const box = Object.assign(document.createElement('div'), { className: 'conversion', hidden: true });
    const explain = Object.assign(document.createElement('p'), { className: 'k', textContent: strings.conversionExplain || '' });
    const text = Object.assign(document.createElement('p'), { className: 'converted', lang: strings.locale, dir: strings.dir });
    const use = Object.assign(document.createElement('button'), { type: 'button', className: 'use-conversion', textContent: `${strings.convert || ''} (Alt+U)` });
    box.append(explain, text, use);
    return box;
  }

  function showChecks(form, checks, conversion) {
    lastChecks.set(form, { checks, conversion });
    const list = checks.length > 0 ? part(form, '.checks', makeChecks) : form.querySelector('.checks');
    if (list) {
      list.replaceChildren(
        ...checks.map((c) => {
          const item = document.createElement('li');
          item.className = `check check-${c.severity}`;
          item.dataset.check = c.id;
          const label = document.createElement('strong');
          label.textContent = `${c.severity === 'error' ? strings.error : strings.warning}:`;
          item.append(label, ` ${c.message}`);
          return item;
        }),
      );
    }
    const hasWarnings = checks.some((c) => c.severity === 'warning');
    const confirm = hasWarnings ? part(form, '.confirm-warnings', makeConfirm) : form.querySelector('.confirm-warnings');
    if (confirm) {
      confirm.hidden = !hasWarnings;
      if (!hasWarnings) confirm.querySelector('input').checked = false;
    }
    const box = conversion ? part(form, '.conversion', makeConversion) : form.querySelector('.conversion');
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
        body: JSON.stringify({ text: area.value, keepOriginal: form.dataset.keepOriginal === 'true' && area.value === form.dataset.source }),
      });
      if (response.ok && areaOf(form).value === area.value) showChecks(form, data.checks || [], data.conversion);
    } catch {
      // Offline: the checks run again on the next change, and always on save.
    }
  }

  const timers = new Map();
  function checkSoon(form) {
    clearTimeout(timers.get(form));
    timers.set(form, setTimeout(() => void runChecks(form), 400));
  }

  function replaceText(form, text) {
    const area = areaOf(form);
    area.focus();
    area.select();
    // insertText keeps the browser's undo history; assigning the value is the fallback.
    if (!document.execCommand || !document.execCommand('insertText', false, text)) area.value = text;
    if (area.value !== text) area.value = text;
    dirty.add(form);
    checkSoon(form);
  }

  function useConversion(form) {
    const offered = lastChecks.get(form)?.conversion;
    if (!offered) return;
    replaceText(form, offered.text);
    say(form, strings.converted || '✓');
  }

  // --- translation memory -------------------------------------------------------------------

  const numbering = { my: 'mymr', km: 'khmr' }[document.documentElement.lang];
  const percent = new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'percent', ...(numbering ? { numberingSystem: numbering } : {}) });

  async function loadSuggestions(form) {
    if (suggestions.has(form) || !form.dataset.source) return;
    suggestions.set(form, []);
    const query = new URLSearchParams({ locale: strings.locale, q: form.dataset.source, limit: '3' });
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
    const box = part(form, '.suggestions', () => {
      const made = Object.assign(document.createElement('div'), { className: 'suggestions' });
      made.append(Object.assign(document.createElement('h3'), { className: 'k', textContent: strings.suggestions || '' }), document.createElement('ol'));
      return made;
    });
    box.querySelector('ol').replaceChildren(
      ...found.map((s, i) => {
        const item = document.createElement('li');
        const target = document.createElement('span');
        target.className = 'suggestion-text';
        target.lang = strings.locale;
        target.dir = strings.dir;
        target.textContent = s.target;
        const source = document.createElement('span');
        source.className = 'suggestion-source';
        source.lang = 'en';
        source.textContent = s.source;
        const score = document.createElement('span');
        score.className = 'score';
        score.textContent = (strings.score || '{{score}}').replace('{{score}}', percent.format(s.score));
        const insert = document.createElement('button');
        insert.type = 'button';
        insert.textContent = `${strings.insert || '+'} (Alt+${i + 1})`;
        insert.addEventListener('click', () => replaceText(form, s.target));
        item.append(target, ' ', score, ' ', insert, document.createElement('br'), source);
        return item;
      }),
    );
  }

  function insertSuggestion(form, n) {
    const s = (suggestions.get(form) || [])[n];
    if (s) replaceText(form, s.target);
  }

  // --- saving ---------------------------------------------------------------------------------

  function keepPending(form, action) {
    const base = form.querySelector('input[name=baseRevision]');
    localStorage.setItem(pendingKey(form), JSON.stringify({ text: areaOf(form).value, baseRevision: Number(base.value), action }));
  }

  async function send(form, action, { moveOn, keepOriginal = false }) {
    const area = areaOf(form);
    const base = form.querySelector('input[name=baseRevision]');
    const confirmBox = form.querySelector('.confirm-warnings input');
    const shown = (lastChecks.get(form)?.checks || []).filter((c) => c.severity === 'warning').map((c) => c.id);
    const body = { text: area.value, baseRevision: Number(base.value), action };
    if (keepOriginal) Object.assign(body, { keepOriginal: true, confirmWarnings: true });
    else if (confirmBox && confirmBox.checked) body.confirmWarnings = shown.length > 0 ? shown : true;
    say(form, strings.saving || '…');
    let response;
    let data;
    try {
      ({ response, data } = await json(apiUrl(form), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(form) },
        body: JSON.stringify(body),
      }));
    } catch {
      // Offline: keep the text on this device and send it when the connection returns.
      keepPending(form, action);
      say(form, strings.keptOffline || strings.offline || 'offline');
      return;
    }
    if (response.ok) {
      localStorage.removeItem(pendingKey(form));
      dirty.delete(form);
      base.value = String(data.revision);
      if (keepOriginal) form.dataset.keepOriginal = 'true';
      setStatus(form, data.status, data.statusLabel || data.status);
      showChecks(form, data.checks || [], undefined);
      say(form, strings.saved || '✓');
      if (moveOn) goTo(nextWhere(form, untranslated) || forms[forms.indexOf(form) + 1]);
      return;
    }
    if (response.status === 409) {
      // A newer version exists: let the server show both texts side by side (plain form post).
      localStorage.removeItem(pendingKey(form));
      dirty.delete(form);
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'action';
      hidden.value = action;
      form.append(hidden);
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    // Refused for good (checks, rights): the text stays in the box, not in the offline store.
    localStorage.removeItem(pendingKey(form));
    const error = data.error || {};
    if (Array.isArray(error.checks)) {
      // Errors to fix, or warnings to read and confirm: show them where the translator types.
      const others = (lastChecks.get(form)?.checks || []).filter((c) => !error.checks.some((e) => e.id === c.id));
      showChecks(form, [...error.checks, ...others], lastChecks.get(form)?.conversion);
      const confirm = form.querySelector('.confirm-warnings');
      if (error.code === 'warnings_unconfirmed' && confirm) confirm.querySelector('input').focus();
    }
    say(form, error.message || String(response.status));
  }

  // --- wiring ---------------------------------------------------------------------------------

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
      if (!lastChecks.has(form) && area.value.trim() !== '') void runChecks(form);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = event.submitter && event.submitter.value;
      if (value === 'keep_original') {
        area.value = form.dataset.source;
        void send(form, 'submit', { moveOn: true, keepOriginal: true });
        return;
      }
      void send(form, value === 'submit' ? 'submit' : 'save', { moveOn: true });
    });
    form.addEventListener('click', (event) => {
      if (event.target.closest && event.target.closest('.use-conversion')) useConversion(form);
    });

    // Text kept from an earlier visit while offline: put it back, with the revision it was
    // typed against, so that a newer version on the server shows as a conflict.
    const pending = localStorage.getItem(pendingKey(form));
    if (pending) {
      try {
        const saved = JSON.parse(pending);
        area.value = saved.text;
        form.querySelector('input[name=baseRevision]').value = String(saved.baseRevision);
        dirty.add(form);
      } catch {
        localStorage.removeItem(pendingKey(form));
      }
    }
  }

  for (const link of document.querySelectorAll('a.next-untranslated, a.next-warning')) {
    link.addEventListener('click', (event) => {
      const form = link.closest('form.save-form');
      const next = form && nextWhere(form, link.classList.contains('next-warning') ? warned : untranslated);
      if (next && goTo(next)) event.preventDefault();
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
      KeyN: () => goTo(nextWhere(form, untranslated)),
      KeyW: () => goTo(nextWhere(form, warned)),
      KeyU: () => useConversion(form),
      KeyK: () => {
        if (form.querySelector('button.keep-original')) {
          areaOf(form).value = form.dataset.source;
          void send(form, 'submit', { moveOn: true, keepOriginal: true });
        }
      },
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

  async function sendPending() {
    for (const form of forms) {
      const pending = localStorage.getItem(pendingKey(form));
      if (!pending) continue;
      await send(form, JSON.parse(pending).action || 'save', { moveOn: false });
      if (!localStorage.getItem(pendingKey(form))) say(form, strings.sentLater || strings.saved || '✓');
    }
  }

  window.addEventListener('offline', () => {
    for (const form of dirty) keepPending(form, 'save');
  });
  window.addEventListener('online', () => void sendPending());
  if (navigator.onLine) void sendPending();

  window.addEventListener('beforeunload', (event) => {
    if (dirty.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
