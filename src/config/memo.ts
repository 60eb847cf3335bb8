/**
 * book.yaml and the template as a watch session keeps them: a file whose path
 * and text are what they were is not parsed and checked again (YAML and the
 * schema took 8–12 ms each of a one-paragraph rebuild), and the messages it
 * gave are given to this build's file as they were found. The value is the
 * same object as before, so what the layout keeps by it still holds. One
 * entry a file: a long session does not grow.
 */
import type { VFile, VFileMessage } from '../diagnostics/index.ts';

interface Kept {
  text: string;
  value: unknown;
  messages: VFileMessage[];
}

export class ConfigMemo {
  private kept = new Map<string, Kept>();

  /** `load(file)`'s value, or the one of the last build when `file` reads as it did then. `kind` keeps a file loaded two ways apart. */
  load<T>(kind: string, file: VFile, load: (f: VFile) => T): T {
    const key = `${kind}\u0000${file.path}`;
    const text = String(file.value);
    const kept = this.kept.get(key);
    if (kept?.text === text) {
      file.messages.push(...kept.messages);
      return kept.value as T;
    }
    const before = file.messages.length;
    const value = load(file);
    this.kept.set(key, { text, value, messages: file.messages.slice(before) });
    return value;
  }
}
