/**
 * Reads what rendering needs from disk: the page template and the image files.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { VFile } from '../diagnostics/index.ts';
import { readTextFile } from './read-text.ts';

/** The default templates/ folder of the nianjian installation. */
export const DEFAULT_TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates');

/** templates/<name>.yaml, from the manuscript's own templates/ folder first, then nianjian's. */
export async function readTemplateFile(manuscriptDir: string, name: string): Promise<VFile> {
  const own = join(manuscriptDir, 'templates', `${name}.yaml`);
  const path = existsSync(own) ? own : join(DEFAULT_TEMPLATES_DIR, `${name}.yaml`);
  return readTextFile(path, path);
}

/** The bytes of each image path (relative to the manuscript folder) that exists. */
export async function readImageBytes(manuscriptDir: string, srcs: Iterable<string>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await Promise.all([...new Set(srcs)].map(async (src) => {
    const data = await readFile(join(manuscriptDir, src)).catch(() => undefined);
    if (data) out.set(src, new Uint8Array(data));
  }));
  return out;
}
