// What every page shares: sign-in (demo tokens or the organisation's OpenID provider), the Baton
// client for this browser, live notices, and the prompt a device shows when a session is offered to it.
import { Baton, BatonError, claims } from '../client/v1/baton-client.js';

const DEMO_TOKEN = 'baton.demo.token';
const HELD = 'baton.held';
/** A claim waiting for the user: from a QR link, or interrupted by a sign-in at the provider. */
export const PENDING_CLAIM = 'baton.claim';
const BASE = new URL('../', import.meta.url);

export const $ = selector => document.querySelector(selector);

/** An element with attributes and children; text children are text, never HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (value !== false && value !== undefined && value !== null) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.filter(child => child !== null && child !== undefined));
  return node;
}

/** Replaces the children of `target` (a selector or an element). */
export function show(target, ...children) {
  (typeof target === 'string' ? $(target) : target).replaceChildren(...children);
}

/** Tells the user something, politely to screen readers; errors stay until the next message. */
export function say(message, kind = 'info') {
  show('#status', el('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, message));
}

export function explain(error) {
  if (error instanceof BatonError) {
    say(`${error.message} (${error.code})`, 'error');
  } else {
    say(String(error.message || error), 'error');
  }
  console.info('Baton refused:', error.code || error);
}

/** Minutes and seconds from now until `until`, e.g. "1:05"; "0:00" once past. */
function remaining(until) {
  const seconds = Math.max(0, Math.ceil((new Date(until) - Date.now()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Runs `tick(text)` every half second until `until`, then `done()`; answers a stop function. */
export function countdown(until, tick, done = () => {}) {
  const step = () => {
    tick(remaining(until));
    if (new Date(until) <= Date.now()) {
      clearInterval(timer);
      done();
    }
  };
  const timer = setInterval(step, 500);
  step();
  return () => clearInterval(timer);
}

export function describe(device) {
  return device ? `${device.name} (${device.kind}, ${device.platform})` : 'an unknown device';
}

// ---- sign-in ---------------------------------------------------------------------------------

let config;
let manager;

async function settings() {
  if (!config) {
    const answer = await fetch(new URL('app/config', BASE));
    config = await answer.json();
    if (config.oidc) {
      manager = new globalThis.oidc.UserManager({
        authority: config.oidc.authority,
        client_id: config.oidc.clientId,
        redirect_uri: new URL('app/', BASE).href,
        response_type: 'code',
        scope: 'openid',
        userStore: new globalThis.oidc.WebStorageStateStore({ store: localStorage }),
      });
    }
  }
  return config;
}

/** The signed-in user as `{user, token()}`, or null. Finishes an OpenID sign-in coming back to this page. */
async function signedIn() {
  await settings();
  const demo = demoToken();
  if (demo && new Date(demo.expiresAt) > Date.now()) {
    // Read at every call: a fresh sign-in replaces the token under the page's feet.
    return { user: userName(demo.token), token: () => demoToken().token };
  }
  if (!manager) {
    return null;
  }
  const query = new URLSearchParams(location.search);
  if (query.has('code') && query.has('state')) {
    await manager.signinRedirectCallback();
    history.replaceState(null, '', location.pathname);
  }
  const user = await manager.getUser();
  return user && !user.expired ? { user: userName(user.access_token), token: async () => (await manager.getUser()).access_token } : null;
}

function userName(token) {
  const { preferred_username: name, upn, sub } = claims(token);
  return name || upn || sub;
}

function demoToken() {
  return JSON.parse(localStorage.getItem(DEMO_TOKEN) || 'null');
}

async function signInDemo(user, groups) {
  const answer = await fetch(new URL('dev/token', BASE), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, groups }),
  });
  if (!answer.ok) {
    throw new BatonError(answer.status, await answer.json().catch(() => ({})));
  }
  localStorage.setItem(DEMO_TOKEN, JSON.stringify({ ...await answer.json(), groups }));
}

/**
 * A fresh sign-in after `reauthentication-required`: at the provider with `max_age` (the browser
 * leaves the page and comes back to /app/), or, in demo mode, a new token for the same user.
 */
async function signInAgain(maxAge) {
  const demo = demoToken();
  if (demo) {
    await signInDemo(claims(demo.token).sub, demo.groups);
  } else {
    await signInWithProvider(maxAge);
  }
}

/** Sends the browser to the OpenID provider; `maxAge` asks for a fresh sign-in. */
async function signInWithProvider(maxAge) {
  await settings();
  await manager.signinRedirect(maxAge === undefined ? {} : { extraQueryParams: { max_age: maxAge } });
}

async function signOut() {
  localStorage.removeItem(DEMO_TOKEN);
  localStorage.removeItem(HELD);
  if (manager) {
    await manager.removeUser();
  }
}

/** The sign-in form: demo tokens when Baton runs in demo mode, the provider's button when configured. */
async function signInForm(onDone) {
  const { demo, oidc } = await settings();
  const forms = [];
  if (demo) {
    const name = el('input', { id: 'demo-user', name: 'user', required: true, autocomplete: 'username', value: 'alice' });
    const auditor = el('input', { id: 'demo-auditor', type: 'checkbox' });
    forms.push(el('form', {
      id: 'demo-sign-in',
      onsubmit: async event => {
        event.preventDefault();
        try {
          await signInDemo(name.value.trim(), auditor.checked ? ['baton-user', 'baton-auditor'] : ['baton-user']);
          onDone();
        } catch (error) {
          explain(error);
        }
      },
    },
    el('h2', {}, 'Sign in (demo mode)'),
    el('label', { for: 'demo-user' }, 'User name'), name,
    el('p', {}, auditor, el('label', { for: 'demo-auditor' }, ' Also an auditor')),
    el('button', { type: 'submit' }, 'Sign in')));
  }
  if (oidc) {
    forms.push(el('section', {}, el('h2', {}, 'Sign in with your organisation'),
      el('button', { id: 'oidc-sign-in', type: 'button', onclick: () => signInWithProvider().catch(explain) }, 'Sign in')));
  }
  if (!forms.length) {
    forms.push(el('p', {}, 'Sign-in is not configured: set baton.ui.oidc-client-id, or run Baton in demo mode.'));
  }
  return forms;
}

// ---- this device ---------------------------------------------------------------------------

export function client(session) {
  return new Baton({ token: session.token, base: BASE });
}

/** The session this browser holds for the demo application: `{id, sessionToken, version}`. */
export function held() {
  return JSON.parse(localStorage.getItem(HELD) || 'null');
}

export function hold(session) {
  if (session) {
    localStorage.setItem(HELD, JSON.stringify({ id: session.id, sessionToken: session.sessionToken, version: session.version }));
  } else {
    localStorage.removeItem(HELD);
  }
}

/**
 * Every page's start: the signed-in user, shown at the top with a sign-out button; or null, with the
 * sign-in form shown instead, which calls `retry` once the user has signed in.
 */
export async function signedInPage(retry) {
  const session = await signedIn();
  show('#who', session ? el('span', {}, `Signed in as ${session.user} `,
    el('button', { type: 'button', id: 'sign-out', onclick: async () => { await signOut(); location.href = new URL('app/', BASE).href; } },
      'Sign out')) : '');
  if (!session) {
    show('#content', ...await signInForm(retry));
  }
  return session;
}

// ---- offers made to this device ----------------------------------------------------------

/**
 * The prompt a target device shows: which of the user's devices asks, when, and a field for the
 * code it shows. "Continue here" claims and restores; "Not me" declines and tells the source.
 */
export async function offerPrompt(baton, transferId, code = '') {
  const transfer = await baton.transfer(transferId);
  const source = (await baton.devices()).find(d => d.id === transfer.sourceDeviceId);
  const input = el('input', { id: 'claim-code', name: 'claimCode', value: code, autocomplete: 'one-time-code', required: true,
    autocapitalize: 'characters', spellcheck: 'false' });
  const again = el('div');
  const claim = event => {
    event.preventDefault();
    claimHere(baton, transferId, input, form, again);
  };
  const decline = async () => {
    try {
      await baton.decline(transferId);
      dialog.remove();
      say('Declined. The other device was told, and the attempt is in the audit log.');
    } catch (error) {
      explain(error);
    }
  };
  const form = el('form', { onsubmit: claim },
    el('label', { for: 'claim-code' }, 'Code shown on the other device'), input,
    el('div', { class: 'actions' },
      el('button', { type: 'submit', id: 'claim' }, 'Continue here'),
      el('button', { type: 'button', id: 'not-me', class: 'danger', onclick: decline }, 'Not me')),
    again);
  const dialog = el('section', { id: 'offer', class: 'offer', role: 'alertdialog', 'aria-labelledby': 'offer-title' },
    el('h2', { id: 'offer-title' }, 'Continue here?'),
    el('p', {}, 'Your device ', el('strong', { id: 'offer-source' }, describe(source)),
      ` asks to move a session to this device (asked at ${new Date(transfer.requestedAt).toLocaleTimeString()}).`),
    el('p', {}, 'Only continue if you started this yourself. Compare the code with the one the other device shows.'),
    form);
  show('#offers', dialog);
  input.focus();
}

/**
 * Claims `transferId` with the code typed into `input`, restores the session here and opens it in
 * the loan application. When the claim wants a fresh sign-in, `again` gets a button for it, after
 * which `form` is submitted once more (the claim is kept for this tab across a sign-in elsewhere).
 */
export async function claimHere(baton, transferId, input, form, again) {
  try {
    const session = await baton.restore(await baton.claim(transferId, input.value));
    sessionStorage.removeItem(PENDING_CLAIM);
    hold(session);
    location.href = new URL('app/loan.html', BASE).href;
  } catch (error) {
    explain(error);
    if (error.code === 'reauthentication-required') {
      sessionStorage.setItem(PENDING_CLAIM, JSON.stringify({ transfer: transferId, code: input.value }));
      show(again, el('button', { type: 'button', id: 'sign-in-again', onclick: () => signInAgain(error.maxAge)
        .then(() => { show(again); form.requestSubmit(); }, explain) }, 'Sign in again to continue'));
    }
  }
}

const hooks = [];

/** Lets a module hear every notice of the pages that listen (pull.js: requests to continue a session elsewhere). */
export function onEveryNotice(hook) {
  hooks.push(hook);
}

/** Streams this device's notices; offers open the prompt, everything goes to `onNotice` too. */
export function listen(baton, onNotice = () => {}) {
  return baton.listen(notice => {
    hooks.forEach(hook => hook(baton, notice));
    if (notice.type === 'transfer-offered') {
      offerPrompt(baton, notice.transferId).catch(explain);
    } else if (notice.type === 'transfer-cancelled' || notice.type === 'transfer-expired') {
      const prompt = $('#offer');
      if (prompt) {
        prompt.remove();
        say(notice.type === 'transfer-expired' ? 'The offer expired.' : 'The offer was withdrawn.');
      }
    }
    onNotice(notice);
  }, (state, error) => {
    show('#live', state === 'open' ? 'Live notices on' : state === 'reconnecting' ? 'Reconnecting…' : 'Live notices off');
    if (error && state === 'closed') {
      explain(error);
    }
  });
}
