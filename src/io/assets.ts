/**
 * Reads what rendering needs from disk: the page template and the image files.
 */
import { statSync } from 'node:fs';
import { cp, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { errnoOf, systemFault } from './faults.ts';
import { isAbsolute, join, resolve } from 'node:path';
import { loadSharp } from '../build/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import { type ImageProbeCache, notAFile, perFile, realPathOf } from './probe-images.ts';
import { isOutside } from './safe-read.ts';
import { readTextFile } from './read-text.ts';
import { printableImage } from './printable-images.ts';
import type { ScratchFiles } from './commit.ts';
import { type ByteCache, diskCache } from './disk-cache.ts';
import { makeFolder } from './folders.ts';

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

/** book.yaml's cover_image: its printable bytes, or nothing there, or why it is not used. */
export type CoverImage = { status: 'ok'; bytes: Uint8Array } | { status: 'missing' } | { status: 'refused'; why: string };

const OUTSIDE = '路径指向书稿目录之外，未读取';

/**
 * The cover's picture, checked as a figure's photo is: a path out of the
 * manuscript (`../`, absolute, or a link) is not read (it was, and printed
 * on the cover), a folder or FIFO is not opened (a FIFO hung the build),
 * and a file that cannot be decoded says why (all three were "找不到").
 */
export async function readCoverImage(manuscriptDir: string, src: string): Promise<CoverImage> {
  if (isAbsolute(src) || /^[A-Za-z]:[\\/]/.test(src)) return { status: 'refused', why: OUTSIDE };
  const path = join(manuscriptDir, src);
  const real = realPathOf(path);
  if (!real) {
    const not = notAFile(path);
    return not ? { status: 'refused', why: `指向的是${not.kind}` } : { status: 'missing' };
  }
  if (isOutside(await realpath(manuscriptDir), real)) return { status: 'refused', why: OUTSIDE };
  const not = notAFile(real);
  if (not) return { status: 'refused', why: `指向的是${not.kind}，不是图片文件` };
  const made = await printableImage(real);
  return made.status === 'ok' ? { status: 'ok', bytes: made.bytes } : { status: 'refused', why: made.reason };
}

/** Derived images kept between builds in `<out>/.cache/images`, by the hash of their source (checked entries, disk-cache.ts). */
export function diskImageCache(outDir: string, scratch?: ScratchFiles): ByteCache {
  return diskCache(outDir, 'images', scratch);
}

/**
 * A new manuscript in `dir` from templates/new-book, with the default page
 * template and a placeholder photo, so that it builds at once. Only into a
 * folder that is new or empty: a path naming a file or a folder with files
 * is the command line's mistake ('usage'), a disk that refuses a 'fault';
 * either way nothing is left changed.
 */
export async function createManuscript(dir: string): Promise<{ status: 'ok' } | { status: 'usage' | 'fault'; message: string }> {
  const unchanged = '未做任何改动。';
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = errnoOf(error);
    // A path that names nothing yet is what init wants; one through a file (ENOTDIR) names no folder at all.
    if (code === 'ENOTDIR') return { status: 'usage', message: `路径中有一段是文件而不是目录，不能在其下建立书稿。请换一个路径。${unchanged}` };
    if (code !== 'ENOENT') return { status: 'fault', message: `${systemFault(error, dir, '读取').message}${unchanged}` };
  }
  if (info && !info.isDirectory()) return { status: 'usage', message: `这是一个已有的${info.isFile() ? '文件' : '非目录的文件'}，不是目录，不能在此建立书稿。请换一个新的目录名。${unchanged}` };
  const existing = info ? await readdir(dir).catch(() => undefined) : [];
  if (existing === undefined) return { status: 'fault', message: `无法读取此目录（没有权限？）。请检查目录权限。${unchanged}` };
  if (existing.length > 0) return { status: 'usage', message: `目录已存在且不为空，为免覆盖，${unchanged}请换一个新的目录名，或先清空它。` };
  try {
    await cp(join(DEFAULT_TEMPLATES_DIR, 'new-book'), dir, { recursive: true });
    await makeFolder(join(dir, 'templates'));
    await makeFolder(join(dir, 'photos'));
    await cp(join(DEFAULT_TEMPLATES_DIR, 'yearbook-16k.yaml'), join(dir, 'templates', 'yearbook-16k.yaml'));
    const sharp = loadSharp();
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#9a9a96' } }).jpeg({ quality: 70 }).toBuffer();
    await writeFile(join(dir, 'photos', 'example.jpg'), photo);
    return { status: 'ok' };
  } catch (error) {
    // What was begun is taken away again: the folder as it was (absent, or empty).
    await (info ? Promise.all((await readdir(dir).catch(() => [] as string[])).map((n) => rm(join(dir, n), { recursive: true, force: true }))) : rm(dir, { recursive: true, force: true })).catch(() => undefined);
    return { status: 'fault', message: `无法建立书稿：${systemFault(error, dir, '写入').message}已建的文件已删除。` };
  }
}
