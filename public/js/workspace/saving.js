// Saving in place: the same request the plain form makes, through the API, with the answer shown
// where the translator works. Offline, the text stays on this device (offline.js); a newer version
// on the server is shown side by side by the server itself (conflicts).
import { lastChecks, showChecks } from './checks.js';
import { forgetPending, keepPending } from './offline.js';
import { apiUrl, areaOf, baseOf, csrf, dirty, json, rowOf, say, strings } from './page.js';

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

/** A stale save: the plain form post lets the server show both texts and the difference. */
function showConflict(form, action) {
  forgetPending(form);
  dirty.delete(form);
  const hidden = document.createElement('input');
  hidden.type = 'hidden';
  hidden.name = 'action';
  hidden.value = action;
  form.append(hidden);
  HTMLFormElement.prototype.submit.call(form);
}

/** `onSaved(form)`: after a successful save that should move on to the next segment. */
export function makeSend(onSaved) {
  return async function send(form, action, { moveOn, keepOriginal = false }) {
    const area = areaOf(form);
    const base = baseOf(form);
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
      keepPending(form, action);
      say(form, strings.keptOffline || strings.offline || 'offline');
      return;
    }
    if (response.ok) {
      forgetPending(form);
      dirty.delete(form);
      base.value = String(data.revision);
      if (keepOriginal) form.dataset.keepOriginal = 'true';
      setStatus(form, data.status, data.statusLabel || data.status);
      showChecks(form, data.checks || [], undefined);
      say(form, strings.saved || '✓');
      if (moveOn) onSaved(form);
      return;
    }
    if (response.status === 409) return showConflict(form, action);
    // Refused for good (checks, rights): the text stays in the box, not in the offline store.
    forgetPending(form);
    const error = data.error || {};
    if (Array.isArray(error.checks)) {
      // Errors to fix, or warnings to read and confirm: show them where the translator types.
      const others = (lastChecks.get(form)?.checks || []).filter((c) => !error.checks.some((e) => e.id === c.id));
      showChecks(form, [...error.checks, ...others], lastChecks.get(form)?.conversion);
      const confirm = form.querySelector('.confirm-warnings');
      if (error.code === 'warnings_unconfirmed' && confirm) confirm.querySelector('input').focus();
    }
    say(form, error.message || String(response.status));
  };
}
