/**
 * Whether this device was signed in when it last knew (a flag in localStorage, never sent to the
 * server). It only decides whether to load the messaging code for the app bar: anonymous visitors
 * never open the stream or download that code. The server still decides: a stale flag meets a 401
 * and is cleared.
 */
const KEY = 'placette.signed-in';

export function looksSignedIn(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function markSignedIn(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode): the badge just stays away.
  }
}

export function markSignedOut(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
