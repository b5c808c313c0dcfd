/**
 * Text folding shared by the search index and anything that compares user-typed text with
 * catalog text. Pure: runs in Node, in the browser and in a Web Worker.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032`´]/g;
const SPACES = /\s+/g;
/** Strings made only of these characters need no Unicode normalisation (fast path). */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Lowercases, removes diacritics (NFD + strip combining marks), expands the ligatures
 * œ → oe and æ → ae, turns typographic apostrophes into ', collapses whitespace and trims.
 *
 *     foldText('  Théâtre  du Capitole ') === 'theatre du capitole'
 *     foldText('Œuvres d’art') === "oeuvres d'art"
 */
export function foldText(s: string): string {
  let out = s.toLowerCase();
  if (!PLAIN.test(out)) {
    out = out
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .replace(APOSTROPHES, "'");
  }
  return out.replace(SPACES, ' ').trim();
}
