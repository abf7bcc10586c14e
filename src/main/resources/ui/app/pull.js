// "Continue here" (pull transfers). On the device that wants a session: the user's sessions held on
// their other devices, the request for one, and the field for the code the holder then shows. On the
// device holding it: who asks, when, Approve or Deny, and after approval the code to type there.
// A page takes part by importing this module; the notices come through app.js's listen().
import { $, claimHere, countdown, describe, el, explain, held, onEveryNotice, say, show } from './app.js';

const APPLICATIONS = { loans: 'Loan application' };

let approved = null;
let stopCountdown = () => {};

/** The pull this device approved last, while its code may still be typed: `{id, sessionId, targetDeviceId, ...}`. */
export function approvedPull() {
  return approved;
}

function time(instant) {
  return el('time', { datetime: instant }, new Date(instant).toLocaleTimeString());
}

// ---- at the device that wants the session -------------------------------------------------

/** The user's sessions held on their other devices, each with "Continue here"; the answer is an element to show. */
export async function continueHere(baton) {
  const own = await baton.device();
  const [devices, sessions] = await Promise.all([baton.devices(), baton.sessions()]);
  const elsewhere = sessions.filter(s => s.holderDeviceId !== own.id);
  const look = el('button', { type: 'button', id: 'look-again', onclick: async () => {
    try {
      $('#continue').replaceWith(await continueHere(baton));
    } catch (error) {
      explain(error);
    }
  } }, 'Look again');
  return el('section', { id: 'continue', 'aria-labelledby': 'continue-title' },
    el('h2', { id: 'continue-title' }, 'Continue here'),
    elsewhere.length
      ? el('ul', { id: 'elsewhere' }, ...elsewhere.map(session => entry(baton, session, devices.find(d => d.id === session.holderDeviceId))))
      : el('p', {}, 'None of your sessions is open on another device.'),
    look,
    el('div', { id: 'pull-panel' }));
}

function entry(baton, session, holder) {
  const what = `${APPLICATIONS[session.application] || session.application} on ${describe(holder)}`;
  return el('li', { 'data-session': session.id },
    el('span', {}, `${what}, last used at `, time(session.lastActivityAt)),
    el('button', { type: 'button', 'aria-label': `Continue the ${what} here`, onclick: () => ask(baton, session, holder).catch(explain) },
      'Continue here'));
}

/** Asks the holder for the session; the code it shows after approving is typed here. */
async function ask(baton, session, holder) {
  const pull = await baton.pull(session.id);
  const input = el('input', { id: 'pull-code', name: 'claimCode', autocomplete: 'one-time-code', required: true,
    autocapitalize: 'characters', spellcheck: 'false' });
  const again = el('div');
  const form = el('form', { id: 'pull-form', 'data-transfer': pull.id, onsubmit: event => {
    event.preventDefault();
    claimHere(baton, pull.id, input, form, again);
  } },
  el('p', { id: 'pull-state', role: 'status' }, `Asked ${describe(holder)}. Approve it there; it then shows a code to type here.`),
  el('label', { for: 'pull-code' }, 'Code shown on the other device'), input,
  el('div', { class: 'actions' },
    el('button', { type: 'submit', id: 'pull-claim' }, 'Continue here'),
    el('button', { type: 'button', id: 'pull-withdraw', class: 'danger', onclick: () => withdraw(baton, pull.id).catch(explain) }, 'Withdraw')),
  again);
  show('#pull-panel', form);
  say(`Waiting for ${describe(holder)} to approve…`);
}

async function withdraw(baton, transferId) {
  await baton.cancel(transferId);
  show('#pull-panel');
  say('Withdrawn.');
}

/** What the asking device hears of its request. */
function heardAsAsker(notice) {
  const form = $('#pull-form');
  if (!form || form.dataset.transfer !== notice.transferId) {
    return;
  }
  if (notice.type === 'transfer-approved') {
    show('#pull-state', 'Approved. Type the code the other device shows.');
    say('Approved on the other device.');
    $('#pull-code').focus();
  } else if (['transfer-denied', 'transfer-expired', 'transfer-cancelled'].includes(notice.type)) {
    show('#pull-panel');
    say(notice.type === 'transfer-denied' ? 'The other device denied the request.'
      : notice.type === 'transfer-expired' ? 'The request expired.' : 'The request was cancelled.', 'error');
  }
}

// ---- at the device holding the session ----------------------------------------------------

/** The prompt for a request to continue the session held here on another device. */
function requestPrompt(baton, notice) {
  const mine = held();
  if (!mine || mine.id !== notice.sessionId) {
    return;
  }
  const asker = notice.targetDevice;
  const dialog = el('section', { id: 'pull-request', class: 'offer', role: 'alertdialog', 'aria-labelledby': 'pull-request-title',
    'data-transfer': notice.transferId },
  el('h2', { id: 'pull-request-title' }, 'Continue on another device?'),
  el('p', {}, 'Your device ', el('strong', { id: 'pull-asker' }, describe(asker)), ' asks to continue this session there (asked at ',
    time(notice.at), ').'),
  el('p', {}, 'Approve only if you asked for it yourself: this device then shows a code to type there, and is kept out for a while once it moved.'),
  el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'approve', onclick: () => approve(baton, notice, dialog).catch(explain) }, 'Approve'),
    el('button', { type: 'button', id: 'deny', class: 'danger', onclick: () => deny(baton, notice, dialog).catch(explain) }, 'Deny')));
  $('#pull-request')?.remove();
  $('#offers').append(dialog);
  $('#approve').focus();
}

async function approve(baton, notice, dialog) {
  const transfer = await baton.approve(notice.transferId, { page: location.pathname.split('/').pop() || 'index.html' }, held());
  approved = transfer;
  const timeLeft = el('span', { id: 'pull-expires-in' });
  show(dialog,
    el('h2', { id: 'pull-request-title' }, 'Approved'),
    el('p', {}, `Type this code on ${describe(notice.targetDevice)}: `, el('strong', { id: 'pull-code-shown', class: 'code' }, transfer.claimCode)),
    el('p', {}, 'Expires in ', timeLeft),
    el('button', { type: 'button', id: 'pull-cancel', onclick: () => cancel(baton, transfer.id, dialog).catch(explain) }, 'Cancel'));
  stopCountdown();
  stopCountdown = countdown(transfer.expiresAt, text => show(timeLeft, text), () => {
    show(dialog, el('p', {}, 'The code expired.'));
  });
  say(`Waiting for ${describe(notice.targetDevice)}…`);
}

async function deny(baton, notice, dialog) {
  await baton.deny(notice.transferId);
  dialog.remove();
  say(`Denied. ${describe(notice.targetDevice)} was told, and the request is in the audit log.`);
}

async function cancel(baton, transferId, dialog) {
  await baton.cancel(transferId);
  close(dialog);
  say('Cancelled.');
}

function close(dialog) {
  stopCountdown();
  approved = null;
  dialog.remove();
}

/** What the holder hears of a request for its session. */
function heardAsHolder(notice) {
  const dialog = $('#pull-request');
  if (!dialog || dialog.dataset.transfer !== notice.transferId) {
    return;
  }
  if (notice.type === 'transfer-claimed') {
    say('Claimed on the other device; it is taking over the session.');
  } else if (notice.type === 'session-moved') {
    stopCountdown();
    dialog.remove();
  } else if (['transfer-denied', 'transfer-expired', 'transfer-cancelled'].includes(notice.type)) {
    close(dialog);
    say(notice.type === 'transfer-expired' ? 'The request expired.' : notice.type === 'transfer-denied' ? 'Denied.'
      : 'The request was withdrawn.');
  }
}

onEveryNotice((baton, notice) => {
  if (notice.type === 'transfer-requested') {
    requestPrompt(baton, notice);
  } else {
    heardAsAsker(notice);
    heardAsHolder(notice);
  }
});
