/**
 * Letter-spacing of short titles.
 */

/** Two hanzi: a word such as 综述 or 概况, not a month head (1月) or a code. */
const TWO_HANZI = /^\p{Script=Han}{2}$/u;

/**
 * R-HEAD-6: a two-character heading is letter-spaced with a full-width
 * space (综　述); on a part title page with `spaces` of them (特　　载).
 * Only two hanzi: 大事记's 1月 is set as 10月 is, the digit and 月 apart
 * by the CJK–digit gap (R-MIX), or the months would not match.
 */
export function letterSpaced(title: string, spaces = 1): string {
  return TWO_HANZI.test(title) ? [...title].join('\u3000'.repeat(spaces)) : title;
}
