/** Waiting on what a long-running command (watch, preview) prints. */

/** The `count`-th line matching `pattern`, once the command has printed it (50 s at most). */
export async function until(lines: readonly string[], pattern: RegExp, count: number): Promise<string> {
  for (let waited = 0; waited < 50_000; waited += 100) {
    const hits = lines.filter((l) => pattern.test(l));
    if (hits.length >= count) return hits[count - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${count}× ${pattern} in:\n${lines.join('\n')}`);
}
