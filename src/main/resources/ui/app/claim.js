// Where a QR code leads: the claim link carries the transfer and its code in the fragment, which
// never reaches a server. It is kept for this tab only and wiped from the address bar at once.
import { client, el, explain, offerPrompt, PENDING_CLAIM, show, signedInPage } from './app.js';
import { continueHere } from './pull.js';

const link = new URLSearchParams(location.hash.slice(1));
if (link.has('transfer')) {
  sessionStorage.setItem(PENDING_CLAIM, JSON.stringify({ transfer: link.get('transfer'), code: link.get('code') || '' }));
  history.replaceState(null, '', location.pathname);
}

async function start() {
  const session = await signedInPage(start);
  if (!session) {
    return;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING_CLAIM) || 'null');
  const baton = client(session);
  if (!pending) {
    show('#content', el('p', {}, 'No transfer to continue. Scan the code the other device shows, or ask for a session here.'),
      await baton.device() ? await continueHere(baton) : el('p', {}, 'Register this browser first: ', el('a', { href: './' }, 'This device'), '.'));
  } else if (!await baton.device()) {
    show('#content', el('p', {}, 'Register this browser first: ', el('a', { href: './' }, 'This device'),
      ', then scan the code again.'));
  } else {
    sessionStorage.removeItem(PENDING_CLAIM);  // shown now; a claim that needs a fresh sign-in keeps it again
    show('#content');
    await offerPrompt(baton, pending.transfer, pending.code);
  }
}

start().catch(explain);
