/**
 * Where the editor last typed: the preview opens at that page. Each build's
 * manuscript texts are kept, and the next build compares against them.
 */
import type { SourcePlace } from '../build/index.ts';

/**
 * The 1-based line of the first text that changed between two versions, or
 * undefined when they are equal. Line breaks typed before the new text do not
 * count: a paragraph added after a blank line is on the line of its text.
 */
export function firstChangedLine(before: string, after: string): number | undefined {
  if (before === after) return undefined;
  const end = Math.min(before.length, after.length);
  let i = 0;
  while (i < end && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  let suffix = 0;
  while (suffix < end - i && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const inserted = after.slice(i, after.length - suffix);
  const text = inserted.search(/\S/);
  const at = text === -1 ? i : i + text;
  let line = 1;
  for (let k = after.indexOf('\n'); k !== -1 && k < at; k = after.indexOf('\n', k + 1)) line++;
  return line;
}

/** Remembers the texts of one build to tell the next where it was edited. */
export class EditTracker {
  private texts = new Map<string, string>();

  /**
   * The edit between the last build and this one: the first changed line of
   * the changed file (the last one in name order when several changed at once).
   * Undefined for the first build and when nothing changed.
   */
  update(files: ReadonlyArray<{ path: string; value: unknown }>): SourcePlace | undefined {
    const isFirst = this.texts.size === 0;
    let edit: SourcePlace | undefined;
    for (const f of files) {
      const text = String(f.value ?? '');
      const before = this.texts.get(f.path);
      this.texts.set(f.path, text);
      if (isFirst) continue;
      const line = firstChangedLine(before ?? '', text);
      if (line !== undefined) edit = { path: f.path, line };
    }
    return edit;
  }
}
