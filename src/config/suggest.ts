/** “是否应为”: the known name a misspelt one was most likely meant to be. */
import { closest, distance } from 'fastest-levenshtein';

/** The known name within two edits of `typed` (one for short names), if any. */
export function suggestKey(typed: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = typed.toLowerCase();
  const best = closest(lower, [...known]);
  return distance(lower, best) <= Math.max(1, Math.min(2, best.length - 3)) ? best : undefined;
}
