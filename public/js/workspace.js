// The translator workspace with JavaScript: saves without reloading, moves to the next segment,
// Ctrl+Enter submits, Ctrl+S saves a draft, text not yet sent survives a dropped connection.
// Without JavaScript the same forms post normally.
(() => {
  const forms = [...document.querySelectorAll('form.save-form')];
  if (forms.length === 0) return;
  const live = document.getElementById('live');
  const pendingKey = (form) => `tandem:pending:${form.action}`;
  const dirty = new Set();
  const strings = (document.getElementById('ws-strings') || document.body).dataset;

  function say(form, message) {
    const state = form.querySelector('.save-state');
    if (state) state.textContent = message;
    if (live) live.textContent = message;
  }

  function setStatus(form, status, label) {
    const row = form.closest('.work-row');
    if (!row) return;
    row.className = row.className.replace(/status-[a-z_]+/, `status-${status}`);
    const badge = row.querySelector('.seg-head .status');
    if (badge) {
      badge.className = `status status-${status}`;
      badge.lastChild.textContent = label;
    }
  }

  function focusNext(form) {
    const next = forms[forms.indexOf(form) + 1];
    if (next) {
      const area = next.querySelector('textarea');
      area.focus();
      next.closest('.work-row').scrollIntoView({ block: 'center' });
    }
  }

  async function send(form, action, { moveOn }) {
    const area = form.querySelector('textarea');
    const base = form.querySelector('input[name=baseRevision]');
    const body = { text: area.value, baseRevision: Number(base.value), action };
    const url = form.action.replace('/translate/', '/api/v1/statements/').replace(/\/([^/]+)\/([^/]+)$/, '/translations/$1/$2');
    say(form, strings.saving || '…');
    let response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': form.querySelector('input[name=_csrf]').value },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      // Offline: keep the text on this device and send it when the connection returns.
      localStorage.setItem(pendingKey(form), JSON.stringify({ ...body }));
      say(form, strings.offline || 'offline');
      return;
    }
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      localStorage.removeItem(pendingKey(form));
      dirty.delete(form);
      base.value = String(data.revision);
      setStatus(form, data.status, data.statusLabel || data.status);
      say(form, strings.saved || '✓');
      if (moveOn) focusNext(form);
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
    const checks = (data.error && data.error.checks) || [];
    say(form, [data.error && data.error.message, ...checks.map((c) => c.message || c.id)].filter(Boolean).join(' '));
  }

  for (const form of forms) {
    const area = form.querySelector('textarea');
    area.addEventListener('input', () => dirty.add(form));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const action = event.submitter && event.submitter.value === 'submit' ? 'submit' : 'save';
      void send(form, action, { moveOn: true });
    });
    area.addEventListener('keydown', (event) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void send(form, 'submit', { moveOn: true });
      } else if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        void send(form, 'save', { moveOn: false });
      }
    });
    // Text kept from an earlier visit while offline: put it back and try to send it.
    const pending = localStorage.getItem(pendingKey(form));
    if (pending) {
      try {
        const saved = JSON.parse(pending);
        area.value = saved.text;
        dirty.add(form);
      } catch {
        localStorage.removeItem(pendingKey(form));
      }
    }
  }

  window.addEventListener('online', () => {
    for (const form of forms) {
      const pending = localStorage.getItem(pendingKey(form));
      if (pending) void send(form, JSON.parse(pending).action || 'save', { moveOn: false });
    }
  });

  window.addEventListener('beforeunload', (event) => {
    if (dirty.size > 0) event.preventDefault();
  });
})();
