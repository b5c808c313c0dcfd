/**
 * The board's sound cue for a new order: two short notes made with WebAudio (no audio file, nothing
 * fetched). Off by default; the choice is remembered on this device only (localStorage).
 */
export const SOUND_KEY = 'placette.board.sound';

let context: AudioContext | null = null;

export function soundWanted(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function rememberSound(on: boolean): void {
  try {
    if (on) localStorage.setItem(SOUND_KEY, 'on');
    else localStorage.removeItem(SOUND_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page.
  }
}

/**
 * Browsers only let a page make sound after a gesture: called from the toggle's click (and any
 * click on the board), it creates or wakes the audio context.
 */
export function unlockSound(): void {
  const Ctor = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return;
  context ??= new Ctor();
  if (context.state === 'suspended') void context.resume();
}

/** A bright "ding-dong" (E6 then B5), about 0.6 s, soft attack so it never clicks. */
export function chime(): void {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime + 0.02;
  [
    [1318.5, 0],
    [987.8, 0.22]
  ].forEach(([frequency, offset]) => {
    const osc = context!.createOscillator();
    const gain = context!.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t = start + offset;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.38);
    osc.connect(gain).connect(context!.destination);
    osc.start(t);
    osc.stop(t + 0.4);
  });
}
