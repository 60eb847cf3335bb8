/**
 * Reads what rendering needs from disk: the page template and the image files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
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

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;
const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/**
 * The bytes of each image path (relative to the manuscript folder) that
 * exists. JPEG and PNG pass through untouched (the PDF embeds them as
 * they are); TIFF, WebP, GIF and the like are converted to PNG with sharp.
 */
export async function readImageBytes(manuscriptDir: string, srcs: Iterable<string>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await Promise.all([...new Set(srcs)].map(async (src) => {
    const data = await readFile(join(manuscriptDir, src)).catch(() => undefined);
    if (!data) return;
    if (isJpeg(data) || isPng(data)) out.set(src, new Uint8Array(data));
    else {
      const png = await sharp(data).png().toBuffer().catch(() => undefined);
      if (png) out.set(src, new Uint8Array(png));
    }
  }));
  return out;
}

/** Derived images kept between builds in `<out>/.cache`, by the hash of their source. */
export function diskImageCache(outDir: string): { get(key: string): Promise<Uint8Array | undefined>; set(key: string, bytes: Uint8Array): Promise<void> } {
  const dir = join(outDir, '.cache', 'images');
  return {
    get: async (key) => {
      const data = await readFile(join(dir, key)).catch(() => undefined);
      return data ? new Uint8Array(data) : undefined;
    },
    set: async (key, bytes) => {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, key), bytes);
    },
  };
}
