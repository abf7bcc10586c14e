// The demo application: a loan form whose state is saved as the clerk types, and the move of that
// session to another device — offer with QR code and code, countdown, cancel — and, on the device
// it left, "moved to …" with a countdown until the prohibition ends. A device holding no loan
// session may ask for one held elsewhere ("continue here", pull.js).
import { $, client, countdown, describe, el, explain, held, hold, listen, say, show, signedInPage } from './app.js';
import { approvedPull, continueHere } from './pull.js';

const APPLICATION = 'loans';
const FIELDS = [
  { name: 'applicant', label: 'Applicant', type: 'text', autocomplete: 'name' },
  { name: 'amount', label: 'Amount (EUR)', type: 'number', inputmode: 'numeric' },
  { name: 'term', label: 'Term (months)', type: 'number', inputmode: 'numeric' },
  { name: 'purpose', label: 'Purpose', type: 'text' },
];
const SAVE_DELAY_MS = 400;

let baton;
let stopCountdown = () => {};
let offer = null;

async function start() {
  const session = await signedInPage(start);
  if (!session) {
    return;
  }
  baton = client(session);
  if (!await baton.device()) {
    show('#content', el('p', {}, 'Register this browser first: ', el('a', { href: './' }, 'This device'), '.'));
    return;
  }
  listen(baton, notice);
  await showHeld();
}

async function showHeld() {
  stopCountdown();
  const mine = held();
  if (!mine) {
    await showStart();
    return;
  }
  try {
    const session = await baton.session(mine);
    hold({ ...mine, version: session.version });
    show('#content', el('div', { class: 'columns' }, form(session.state), await sendPanel()));
  } catch (error) {
    if (error.code === 'access-prohibited') {
      await showMoved(error.problem.prohibitedUntil);
    } else {
      hold(null);
      explain(error);
      await showStart();
    }
  }
}

/** A new application, or one held on another device continued here. */
async function showStart() {
  show('#content', el('button', { type: 'button', id: 'start', onclick: () => begin().catch(explain) }, 'Start a loan application'),
    await continueHere(baton));
}

async function begin() {
  hold(await baton.open(APPLICATION, {}));
  await showHeld();
}

function form(state) {
  let saving = Promise.resolve();
  let timer;
  const inputs = FIELDS.map(f => el('input', {
    id: f.name, name: f.name, type: f.type, autocomplete: f.autocomplete || 'off', inputmode: f.inputmode, value: state[f.name] ?? '',
  }));
  const saved = el('p', { id: 'saved', role: 'status' }, 'All changes saved.');
  const save = () => {
    const next = Object.fromEntries(inputs.map(input => [input.name, input.value]));
    saving = saving.then(async () => {
      const mine = held();
      try {
        const session = await baton.save(mine, next);
        hold({ ...mine, version: session.version });
        show(saved, `All changes saved (version ${session.version}).`);
      } catch (error) {
        explain(error);
      }
    });
  };
  return el('form', { id: 'loan', onsubmit: event => event.preventDefault(), oninput: () => {
    show(saved, 'Saving…');
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  } },
  ...FIELDS.flatMap((f, i) => [el('label', { for: f.name }, f.label), inputs[i]]), saved);
}

async function sendPanel() {
  const own = await baton.device();
  const targets = (await baton.devices()).filter(d => d.status === 'active' && d.id !== own.id);
  if (!targets.length) {
    return el('p', {}, 'Register another device to continue there.');
  }
  const choice = el('select', { id: 'target' }, ...targets.map(d => el('option', { value: d.id }, describe(d))));
  return el('section', { id: 'send', 'aria-labelledby': 'send-title' },
    el('h2', { id: 'send-title' }, 'Continue on another device'),
    el('label', { for: 'target' }, 'Device'), choice,
    el('button', { type: 'button', id: 'send-button', onclick: () => send(choice.value).catch(explain) }, 'Send'),
    el('div', { id: 'offer-panel' }));
}

async function send(targetId) {
  const transfer = await baton.offer(held(), targetId, { page: 'loan.html' });
  offer = transfer;
  const timeLeft = el('span', { id: 'expires-in' });
  show('#offer-panel',
    el('img', { id: 'claim-qr', alt: 'QR code of the claim link; scan it with the other device', width: 200, height: 200,
      src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(transfer.claimQr) }),
    el('p', {}, 'Or type this code there: ', el('strong', { id: 'claim-code-shown', class: 'code' }, transfer.claimCode)),
    el('p', {}, 'Expires in ', timeLeft),
    el('button', { type: 'button', id: 'cancel', onclick: () => cancel().catch(explain) }, 'Cancel'));
  stopCountdown = countdown(transfer.expiresAt, text => show(timeLeft, text), () => {
    show('#offer-panel', el('p', {}, 'The code expired.'));
  });
  say('Waiting for the other device…');
}

async function cancel() {
  await baton.cancel(offer.id);
  stopCountdown();
  offer = null;
  show('#offer-panel');
  say('Cancelled.');
}

async function showMoved(until) {
  const mine = held();
  let where = 'another device';
  const move = offer || approvedPull();
  if (move && mine && move.sessionId === mine.id) {
    where = describe((await baton.devices()).find(d => d.id === move.targetDeviceId));
  }
  const timeLeft = el('span', { id: 'prohibited-for' });
  show('#content', el('section', { id: 'moved', 'aria-labelledby': 'moved-title' },
    el('h2', { id: 'moved-title' }, `Moved to ${where}`),
    el('p', {}, 'This device is kept out of the session for ', timeLeft, '.')));
  stopCountdown = countdown(until, text => show(timeLeft, text));
  say(`The session continues on ${where}.`);
}

function notice(event) {
  const mine = held();
  if (!mine || event.sessionId !== mine.id) {
    return;
  }
  if (event.type === 'transfer-claimed') {
    say('Claimed on the other device; it is taking over the session.');
  } else if (event.type === 'session-moved') {
    stopCountdown();
    showHeld().catch(explain);
  } else if (event.type === 'prohibition-ended') {
    stopCountdown();
    hold(null);
    offer = null;
    showHeld().catch(explain);
    say('The wait is over: this device may take part in the session again.');
  } else if (event.type === 'transfer-cancelled' && offer && event.transferId === offer.id) {
    stopCountdown();
    offer = null;
    show('#offer-panel');
    if (event.reason === 'declined-by-target') {
      say('The other device answered "Not me": the transfer is cancelled. If you did not expect that, tell your security team.', 'error');
    } else {
      say('The transfer is cancelled.');
    }
  } else if (event.type === 'transfer-expired' && offer && event.transferId === offer.id) {
    stopCountdown();
    offer = null;
    show('#offer-panel', el('p', {}, 'The code expired.'));
  }
}

start().catch(explain);
