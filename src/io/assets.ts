/**
 * Reads what rendering needs from disk: the page template and the image files.
 */
import { statSync } from 'node:fs';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadSharp } from '../build/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import { type ImageProbeCache, perFile } from './probe-images.ts';
import { readTextFile } from './read-text.ts';
import { printableImage } from './printable-images.ts';
import type { ScratchFiles } from './commit.ts';
import { type ByteCache, diskCache } from './disk-cache.ts';

/** The default templates/ folder of the nianjian installation. */
export const DEFAULT_TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates');

/** Is nothing at `path` (not: is something there that cannot be read)? */
function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}

/** templates/<name>.yaml, from the manuscript's own templates/ folder first, then nianjian's. */
export async function readTemplateFile(manuscriptDir: string, name: string): Promise<VFile> {
  const own = join(manuscriptDir, 'templates', `${name}.yaml`);
  // The book's own unless it has none: one that cannot be read (a folder without permission) is reported, not swapped for the built-in one.
  const path = isMissing(own) ? join(DEFAULT_TEMPLATES_DIR, `${name}.yaml`) : own;
  return readTextFile(path, path);
}

/** The images a book prints, each checked whole and made printable; and each that is not, with the reason. */
export interface BookImages {
  bytes: Map<string, Uint8Array>;
  unreadable: Map<string, string>;
}

/**
 * The printable bytes of each image path (relative to the manuscript
 * folder), decoded whole before layout (printable-images.ts). A watch
 * session keeps each file's result while its size and time stay the same;
 * `verdicts` keeps them across builds by the file's hash.
 */
export async function readImageBytes(manuscriptDir: string, srcs: Iterable<string>, cache?: ImageProbeCache, verdicts?: ByteCache): Promise<BookImages> {
  const images: BookImages = { bytes: new Map(), unreadable: new Map() };
  cache?.bytes.startBuild();
  await Promise.all([...new Set(srcs)].map(async (src) => {
    const path = join(manuscriptDir, src);
    const made = await perFile(cache?.bytes, path, () => printableImage(path, verdicts));
    if (made.status === 'ok') images.bytes.set(src, made.bytes);
    else images.unreadable.set(src, made.reason);
  }));
  return images;
}

/** Derived images kept between builds in `<out>/.cache/images`, by the hash of their source (checked entries, disk-cache.ts). */
export function diskImageCache(outDir: string, scratch?: ScratchFiles): ByteCache {
  return diskCache(outDir, 'images', scratch);
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
