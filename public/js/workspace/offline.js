// Text typed while the connection is down stays on this device and is sent when it returns.
// It belongs to one account: its key names the account the page was made for, text of any other
// account is dropped unseen, and logging out drops it all (the server also answers the logout
// with Clear-Site-Data). Another account on this browser never sees or sends it.
import { actionOf, areaOf, baseOf, dirty, forms, strings } from './page.js';

const PREFIX = 'tandem:pending:';
const account = strings.account || '';
const keyOf = (form) => `${PREFIX}${account}:${actionOf(form)}`;

function drop(keepOwn) {
  for (let i = localStorage.length - 1; i >= 0; i -= 1) {
    const key = localStorage.key(i);
    if (key && key.startsWith(PREFIX) && !(keepOwn && key.startsWith(`${PREFIX}${account}:`))) localStorage.removeItem(key);
  }
}

export function keepPending(form, action) {
  localStorage.setItem(keyOf(form), JSON.stringify({ text: areaOf(form).value, baseRevision: Number(baseOf(form).value), action }));
}
export const forgetPending = (form) => localStorage.removeItem(keyOf(form));
export const hasPending = (form) => localStorage.getItem(keyOf(form)) !== null;

function pendingOf(form) {
  try {
    return JSON.parse(localStorage.getItem(keyOf(form)) || 'null');
  } catch {
    forgetPending(form);
    return null;
  }
}

/**
 * Puts back text kept from an earlier visit, with the revision it was typed against (so that a
 * newer version on the server shows as a conflict), and sends it when the connection is there.
 */
export function startOffline(send, say) {
  drop(true);
  for (const logout of document.querySelectorAll('form[action="/logout"]')) logout.addEventListener('submit', () => drop(false));
  for (const form of forms) {
    const saved = pendingOf(form);
    if (!saved) continue;
    areaOf(form).value = saved.text;
    baseOf(form).value = String(saved.baseRevision);
    dirty.add(form);
  }
  async function sendPending() {
    for (const form of forms) {
      const saved = pendingOf(form);
      if (!saved) continue;
      await send(form, saved.action || 'save', { moveOn: false });
      if (!hasPending(form)) say(form, strings.sentLater || strings.saved || '✓');
    }
  }
  window.addEventListener('offline', () => {
    for (const form of dirty) keepPending(form, 'save');
  });
  window.addEventListener('online', () => void sendPending());
  if (navigator.onLine) void sendPending();
}
