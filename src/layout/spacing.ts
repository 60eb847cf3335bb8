/**
 * Letter-spacing of short titles.
 */

/**
 * R-HEAD-6: a two-character heading is letter-spaced with a full-width
 * space (综　述); on a part title page with `spaces` of them (特　　载).
 */
export function letterSpaced(title: string, spaces = 1): string {
  const chars = [...title];
  return chars.length === 2 && !/[\s\u3000]/.test(title) ? chars.join('\u3000'.repeat(spaces)) : title;
}
