// Baton's browser client, API v1: this device's registration, sessions, transfers and live notices.
// An ES module without dependencies. The device key is a non-extractable ECDSA P-256 key kept in
// IndexedDB; every call made as the device carries a DPoP proof signed with it (RFC 9449).

const DB_NAME = 'baton-client';
const STORE = 'devices';
const RECONNECT_MS = [1000, 2000, 5000, 10000, 30000];

/** A refused call: `status` and Baton's problem `code`; `maxAge` on `reauthentication-required`. */
export class BatonError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'BatonError';
    this.status = status;
    this.code = problem.code || 'http-' + status;
    this.title = problem.title;
    this.maxAge = problem.maxAge;
    this.problem = problem;
  }
}

/**
 * One user on one device, talking to the Baton at `base` (by default, the server this module came
 * from). `token` answers the user's current access token: a string or a function (async or not),
 * asked again for every call so a refreshed token is used at once.
 */
export class Baton {
  constructor({ token, base = new URL('/', import.meta.url) }) {
    this.base = new URL(base);
    this.token = typeof token === 'function' ? token : () => token;
    this.registration = null;
  }

  // ---- this device -------------------------------------------------------------------------

  /** This browser's registration for the signed-in user, or null: `{id, name, kind, platform}`. */
  async device() {
    const stored = await this.#stored();
    return stored && stored.device;
  }

  /** Registers this browser as a device of the user, bound to a new non-extractable key. */
  async register({ name, kind = 'desktop', platform = navigator.platform || 'web' }) {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const created = await this.#call('POST', 'devices', { body: { name, kind, platform, publicKey: { kty, crv, x, y } } });
    const { deviceToken, ...device } = created;
    this.registration = { key: await this.#key(), device, deviceToken, keys, jwk: { kty, crv, x, y } };
    await store('put', this.registration);
    return device;
  }

  /** Forgets this browser's registration (the server's record stays until revoked). */
  async forget() {
    await store('delete', await this.#key());
    this.registration = null;
  }

  /** The user's devices. */
  async devices() {
    return this.#call('GET', 'devices');
  }

  /** Revokes a device of the user; revoking this one forgets it here too. */
  async revoke(deviceId) {
    const own = await this.device();
    await this.#call('DELETE', `devices/${encodeURIComponent(deviceId)}`, { asDevice: !!own });
    if (own && own.id === deviceId) {
      await this.forget();
    }
  }

  // ---- sessions ----------------------------------------------------------------------------

  /** Opens a session held by this device: `{id, state, version, sessionToken, ...}`. */
  async open(application, state = {}) {
    return this.#call('POST', 'sessions', { asDevice: true, body: { application, state } });
  }

  /** Reads a held session (counts as activity). `held` is `{id, sessionToken}`. */
  async session(held) {
    return this.#call('GET', `sessions/${encodeURIComponent(held.id)}`, { asDevice: true, session: held });
  }

  /** Saves a new state if the session is still at `held.version`; answers the session at its new version. */
  async save(held, state) {
    return this.#call('PUT', `sessions/${encodeURIComponent(held.id)}/state`, {
      asDevice: true, session: held, body: state, headers: { 'If-Match': `"${held.version}"` },
    });
  }

  /** The user's active sessions, on any of their devices, without their state: `[{id, application, holderDeviceId, lastActivityAt, ...}]`. */
  async sessions() {
    return this.#call('GET', 'sessions');
  }

  /** Ends a held session. */
  async end(held) {
    await this.#call('DELETE', `sessions/${encodeURIComponent(held.id)}`, { asDevice: true, session: held });
  }

  // ---- transfers ---------------------------------------------------------------------------

  /**
   * Offers a held session to another device of the user. `info` travels in the
   * Baton-Session-Info header; the answer has `claimCode`, `claimPage` and `claimQr` (SVG; null without `qr`).
   */
  async offer(held, targetDeviceId, info = {}, { qr = true } = {}) {
    return this.#call('POST', `sessions/${encodeURIComponent(held.id)}/transfers${qr ? '?qr=svg' : ''}`, {
      asDevice: true, session: held, body: { targetDeviceId }, headers: { 'Baton-Session-Info': base64url(JSON.stringify(info)) },
    });
  }

  /** A transfer as this device (its source or target) sees it. */
  async transfer(transferId) {
    return this.#call('GET', `transfers/${encodeURIComponent(transferId)}`, { asDevice: true });
  }

  /** The device that asked withdraws: the source its offer, the target of a pull its request (or the holder the code it approved). */
  async cancel(transferId) {
    await this.#call('DELETE', `transfers/${encodeURIComponent(transferId)}`, { asDevice: true });
  }

  /** The target's "not me": the offer is cancelled and the source is told. */
  async decline(transferId) {
    await this.#call('POST', `transfers/${encodeURIComponent(transferId)}/decline`, { asDevice: true });
  }

  /**
   * "Continue here": asks the device holding `sessionId` (a session of the user held elsewhere) to
   * let it move to this device. Answers `{id, direction: 'pull', status: 'awaiting-approval', ...}`;
   * the holder hears `transfer-requested`, and this device `transfer-approved` or `transfer-denied`.
   * Once approved, claim it with the code the holder shows, then restore it, as an offer.
   */
  async pull(sessionId) {
    return this.#call('POST', 'transfers', { asDevice: true, body: { sessionId } });
  }

  /**
   * The holder lets a pull of its session go ahead. `info` travels in the Baton-Session-Info header,
   * as with `offer`; `held` is the session as held here (`{id, sessionToken}`). Answers
   * `{status: 'pending', claimCode, claimPage, ...}`: show the code to the user, to type there.
   */
  async approve(transferId, info = {}, held, { qr = false } = {}) {
    return this.#call('POST', `transfers/${encodeURIComponent(transferId)}/approve${qr ? '?qr=svg' : ''}`, {
      asDevice: true, session: held, headers: { 'Baton-Session-Info': base64url(JSON.stringify(info)) },
    });
  }

  /** The holder refuses a pull: `{status: 'denied', ...}`; the asking device hears `transfer-denied`. */
  async deny(transferId) {
    return this.#call('POST', `transfers/${encodeURIComponent(transferId)}/deny`, { asDevice: true });
  }

  /** Claims an offer made to this device with the code the source shows: `{sessionId, sessionInfo, restoreToken}`. */
  async claim(transferId, claimCode) {
    return this.#call('POST', `transfers/${encodeURIComponent(transferId)}/claim`, { asDevice: true, body: { claimCode } });
  }

  /** Completes a claim: the session is now held here, with a new `sessionToken`. */
  async restore(claimed) {
    return this.#call('POST', `sessions/${encodeURIComponent(claimed.sessionId)}/restore`, {
      asDevice: true, body: { restoreToken: claimed.restoreToken, sessionInfo: claimed.sessionInfo },
    });
  }

  // ---- live notices ------------------------------------------------------------------------

  /**
   * Streams this device's notices (`transfer-offered`, `transfer-claimed`, `transfer-cancelled`,
   * `transfer-requested`, `transfer-approved`, `transfer-denied`, `session-moved`, `prohibition-ended`,
   * ...) to `onNotice(notice)`, reconnecting with backoff.
   * `onState('open' | 'reconnecting' | 'closed', error)` tells the app. Answers `{close()}`.
   */
  listen(onNotice, onState = () => {}) {
    const control = new AbortController();
    const run = async () => {
      for (let failures = 0; !control.signal.aborted;) {
        try {
          const device = await this.device();
          if (!device) {
            throw new BatonError(0, { code: 'device-unregistered', detail: 'This browser is not registered as a device.' });
          }
          const answer = await this.#fetch('GET', `devices/${encodeURIComponent(device.id)}/events`, {
            asDevice: true, headers: { Accept: 'text/event-stream' }, signal: control.signal,
          });
          failures = 0;
          onState('open');
          await readEvents(answer.body, onNotice);
        } catch (error) {
          if (control.signal.aborted) {
            break;
          }
          if (error instanceof BatonError && !retried(error.status)) {
            onState('closed', error);
            return;
          }
          onState('reconnecting', error);
          failures++;
        }
        await sleep(RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)], control.signal);
      }
      onState('closed');
    };
    run();
    return { close: () => control.abort() };
  }

  // ---- the wire ----------------------------------------------------------------------------

  async #call(method, path, options = {}) {
    const answer = await this.#fetch(method, path, options);
    if (answer.status === 204) {
      return null;
    }
    const body = await answer.json();
    const etag = answer.headers.get('ETag');
    return etag && body && typeof body === 'object' ? { ...body, etag } : body;
  }

  async #fetch(method, path, { asDevice = false, session, body, headers = {}, signal } = {}) {
    const url = new URL('api/v1/' + path, this.base);
    const sent = { Authorization: 'Bearer ' + await this.token(), ...headers };
    if (asDevice) {
      const registration = await this.#stored();
      if (!registration) {
        throw new BatonError(0, { code: 'device-unregistered', detail: 'This browser is not registered as a device.' });
      }
      sent['Baton-Device-Token'] = registration.deviceToken;
      sent.DPoP = await proof(registration, method, url);
    }
    if (session) {
      sent['Baton-Session-Token'] = session.sessionToken;
    }
    if (body !== undefined) {
      sent['Content-Type'] = 'application/json';
    }
    const answer = await fetch(url, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), signal });
    if (!answer.ok) {
      const problem = (answer.headers.get('Content-Type') || '').includes('json') ? await answer.json().catch(() => ({})) : {};
      throw new BatonError(answer.status, problem);
    }
    return answer;
  }

  async #stored() {
    const key = await this.#key();
    if (!this.registration || this.registration.key !== key) {
      this.registration = (await store('get', key)) || null;
    }
    return this.registration;
  }

  /** A registration belongs to one user at one Baton. */
  async #key() {
    return this.base.origin + ' ' + claims(await this.token()).sub;
  }
}

/** Whether a failed stream is worth opening again: lost connections, 5xx, 429, and 401 (the token may be renewed). */
function retried(status) {
  return status >= 500 || status === 429 || status === 401;
}

/** The claims of a JWT, read without verifying it (Baton does that): to find and name the user. */
export function claims(jwt) {
  const payload = jwt.split('.')[1] || '';
  return JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
}

async function proof(registration, method, url) {
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: registration.jwk };
  const claims = { htm: method, htu: url.origin + url.pathname, iat: Math.floor(Date.now() / 1000), jti: crypto.randomUUID() };
  const input = base64url(JSON.stringify(header)) + '.' + base64url(JSON.stringify(claims));
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, registration.keys.privateKey,
    new TextEncoder().encode(input));
  return input + '.' + base64url(new Uint8Array(signature));
}

/** Reads a text/event-stream body, handing each event's JSON data to `onNotice`. */
async function readEvents(body, onNotice) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      throw new Error('The event stream ended.');
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + buffer.slice(end).match(/^\r?\n\r?\n/)[0].length);
      const data = block.split(/\r?\n/).filter(line => line.startsWith('data:')).map(line => line.slice(5).trimStart()).join('\n');
      if (data) {
        onNotice(JSON.parse(data));
      }
    }
  }
}

function base64url(input) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let binary = '';
  bytes.forEach(b => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

function sleep(ms, signal) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

function store(operation, value) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'key' });
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const request = db.transaction(STORE, operation === 'get' ? 'readonly' : 'readwrite').objectStore(STORE)[operation](value);
      request.onsuccess = () => { db.close(); resolve(request.result); };
      request.onerror = () => { db.close(); reject(request.error); };
    };
  });
}
