// The auditor's timeline: every step and refusal, newest first, with filters, and the chain's check.
import { $, el, explain, say, show, signedInPage } from './app.js';

// As the API writes them (its document lists them under AuditAction).
const ACTIONS = ['device-registered', 'device-revoked', 'session-opened', 'session-ended', 'transfer-requested',
  'transfer-refused', 'transfer-claimed', 'claim-failed', 'transfer-cancelled', 'transfer-expired', 'session-restored',
  'access-prohibited', 'device-refused', 'proof-refused', 'prohibition-ended', 'pull-requested', 'pull-approved',
  'pull-denied', 'requests-refused', 'admin-user-viewed', 'admin-sessions-ended', 'admin-devices-revoked'];
// `user` is who acted; `subject` whose things an admin acted upon.
const FILTERS = [['user', 'User'], ['subject', 'Acted upon'], ['session', 'Session id'], ['device', 'Device id']];
const COLUMNS = [['at', 'When'], ['action', 'Action'], ['actor', 'Actor'], ['subject', 'Acted upon'], ['outcome', 'Outcome'], ['reason', 'Reason'],
  ['sessionId', 'Session'], ['deviceId', 'Device'], ['targetDeviceId', 'Target']];

let session;

async function start() {
  session = await signedInPage(start);
  if (!session) {
    return;
  }
  const action = el('select', { id: 'f-action', name: 'action' }, el('option', { value: '' }, 'any'),
    ...ACTIONS.map(a => el('option', { value: a }, a)));
  show('#content',
    el('form', { id: 'filters', onsubmit: event => { event.preventDefault(); load(0).catch(explain); } },
      ...FILTERS.flatMap(([name, label]) => [el('label', { for: 'f-' + name }, label), el('input', { id: 'f-' + name, name })]),
      el('label', { for: 'f-action' }, 'Action'), action,
      el('label', { for: 'f-from' }, 'From'), el('input', { id: 'f-from', name: 'from', type: 'datetime-local' }),
      el('label', { for: 'f-to' }, 'To'), el('input', { id: 'f-to', name: 'to', type: 'datetime-local' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Show'),
        el('button', { type: 'button', id: 'verify', onclick: () => verify().catch(explain) }, 'Verify the chain'))),
    el('p', { id: 'verdict', role: 'status' }),
    el('div', { class: 'scroll' }, el('table', { id: 'timeline' },
      el('caption', {}, 'Audit records, newest first'),
      el('thead', {}, el('tr', {}, ...COLUMNS.map(([, label]) => el('th', { scope: 'col' }, label)))),
      el('tbody'))),
    el('nav', { id: 'pages', 'aria-label': 'Pages' }));
  await load(0);
}

async function get(path) {
  const answer = await fetch(new URL('../api/v1/' + path, import.meta.url), { headers: { Authorization: 'Bearer ' + await session.token() } });
  const body = await answer.json();
  if (!answer.ok) {
    throw Object.assign(new Error(`${body.detail || body.title} (${body.code})`), { code: body.code });
  }
  return body;
}

async function load(page) {
  const query = new URLSearchParams({ page, size: 50 });
  for (const input of $('#filters').querySelectorAll('input, select')) {
    if (input.value) {
      query.set(input.name, input.type === 'datetime-local' ? new Date(input.value).toISOString() : input.value);
    }
  }
  const answer = await get('audit?' + query);
  show('#timeline tbody', ...answer.items.map(record => el('tr', {},
    ...COLUMNS.map(([name]) => el('td', {}, name === 'at' ? new Date(record.at).toLocaleString() : record[name] ?? '')))));
  const last = Math.max(0, Math.ceil(answer.total / answer.size) - 1);
  show('#pages', `Page ${answer.page + 1} of ${last + 1} (${answer.total} records) `,
    answer.page > 0 ? el('button', { type: 'button', onclick: () => load(page - 1).catch(explain) }, 'Newer') : null,
    answer.page < last ? el('button', { type: 'button', onclick: () => load(page + 1).catch(explain) }, 'Older') : null);
}

async function verify() {
  const result = await get('audit/verify');
  show('#verdict', result.valid
    ? `The chain is intact: ${result.checked} records checked.`
    : `The chain is broken at record ${result.firstBrokenId} (${result.checked} records checked).`);
  say(result.valid ? 'Verified.' : 'The audit chain is broken.', result.valid ? 'info' : 'error');
}

start().catch(explain);
