// "This device": sign in, register this browser as a device and name it, list and revoke the user's devices.
import { client, el, explain, listen, PENDING_CLAIM, say, show, signedInPage } from './app.js';
import './pull.js';  // a request for the session held here shows on this page too

const KINDS = ['desktop', 'laptop', 'phone', 'tablet', 'other'];

let rendering = Promise.resolve();
let notices = null;

/** Draws the page again once any drawing under way is done, so two never interleave. */
function refresh() {
  rendering = rendering.then(start).catch(explain);
}

async function start() {
  const session = await signedInPage(refresh);
  if (!session) {
    return;
  }
  if (sessionStorage.getItem(PENDING_CLAIM)) {
    location.replace('claim.html');  // back from a fresh sign-in the claim asked for
    return;
  }
  const baton = client(session);
  const device = await baton.device();
  if (!device) {
    notices?.close();
    notices = null;
    show('#content', registration(baton));
    return;
  }
  show('#content',
    el('p', { id: 'this-device' }, 'This browser is ', el('strong', {}, device.name), ` (${device.kind}, ${device.platform}).`),
    el('h2', {}, 'Your devices'), el('ul', { id: 'devices' }),
    el('p', {}, el('a', { href: 'loan.html' }, 'Open the loan application')));
  await list(baton, device);
  notices ??= listen(baton, notice => {
    if (notice.type === 'device-revoked') {
      refresh();
    }
  });
}

function registration(baton) {
  const name = el('input', { id: 'device-name', required: true, maxlength: 100, value: guessName() });
  const kind = el('select', { id: 'device-kind' }, ...KINDS.map(k => el('option', { value: k, selected: k === guessKind() }, k)));
  return el('form', {
    id: 'register',
    onsubmit: async event => {
      event.preventDefault();
      try {
        await baton.register({ name: name.value.trim(), kind: kind.value });
        say('This browser is registered.');
        refresh();
      } catch (error) {
        explain(error);
      }
    },
  },
  el('h2', {}, 'Register this browser'),
  el('p', {}, 'Its key never leaves this browser; every call it makes is signed with it.'),
  el('label', { for: 'device-name' }, 'Name'), name,
  el('label', { for: 'device-kind' }, 'Kind'), kind,
  el('button', { type: 'submit' }, 'Register'));
}

async function list(baton, own) {
  const devices = await baton.devices();
  show('#devices', ...devices.map(d => el('li', { 'data-device': d.id },
    el('span', {}, `${d.name} — ${d.kind}, ${d.platform}, ${d.status}`, d.id === own.id ? ' (this browser)' : ''),
    d.status === 'active' ? el('button', {
      type: 'button', class: 'danger', 'aria-label': `Revoke ${d.name}`,
      onclick: async () => {
        try {
          await baton.revoke(d.id);
          say(`${d.name} is revoked.`);
          refresh();
        } catch (error) {
          explain(error);
        }
      },
    }, 'Revoke') : null)));
}

function guessKind() {
  return matchMedia('(max-width: 600px)').matches ? 'phone' : 'desktop';
}

function guessName() {
  return (guessKind() === 'phone' ? 'My phone' : 'My desktop');
}

refresh();
