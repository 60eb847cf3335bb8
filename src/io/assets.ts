/**
 * Reads what rendering needs from disk: the page template and the image files.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadSharp } from '../build/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import { type ImageProbeCache, perFile } from './probe-images.ts';
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
export async function readImageBytes(manuscriptDir: string, srcs: Iterable<string>, cache?: ImageProbeCache): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  cache?.bytes.startBuild();
  await Promise.all([...new Set(srcs)].map(async (src) => {
    const path = join(manuscriptDir, src);
    const bytes = await perFile(cache?.bytes, path, () => printableBytes(path));
    if (bytes) out.set(src, bytes);
  }));
  return out;
}

/** JPEG and PNG as they are; anything else sharp reads, as PNG. */
async function printableBytes(path: string): Promise<Uint8Array | undefined> {
  const data = await readFile(path).catch(() => undefined);
  if (!data) return undefined;
  if (isJpeg(data) || isPng(data)) return data;
  return loadSharp()(data).png().toBuffer().catch(() => undefined);
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

/**
 * A new manuscript in `dir` from templates/new-book, with the default page
 * template and a placeholder photo, so that it builds at once.
 */
export async function createManuscript(dir: string): Promise<'ok' | string> {
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) return '目录已存在且不为空，为免覆盖，未做任何改动。';
  try {
    await cp(join(DEFAULT_TEMPLATES_DIR, 'new-book'), dir, { recursive: true });
    await mkdir(join(dir, 'templates'), { recursive: true });
    await mkdir(join(dir, 'photos'), { recursive: true });
    await cp(join(DEFAULT_TEMPLATES_DIR, 'yearbook-16k.yaml'), join(dir, 'templates', 'yearbook-16k.yaml'));
    const sharp = loadSharp();
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#9a9a96' } }).jpeg({ quality: 70 }).toBuffer();
    await writeFile(join(dir, 'photos', 'example.jpg'), photo);
    return 'ok';
  } catch (error) {
    return `无法建立书稿：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。请检查目录权限。`;
  }
}
