/**
 * The only stage that touches the disk, the clock and the environment:
 * reads a manuscript folder into VFiles and probed images, and writes
 * output atomically.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { report, VFile } from '../diagnostics/index.ts';
import type { ImageSize } from '../layout/index.ts';
import type { ManuscriptFiles } from '../parse/index.ts';
import { assetLookup, ImageProbeCache, probeImages } from './probe-images.ts';
export { ImageProbeCache };
import { isReadable, readTextFile } from './read-text.ts';

export { decodeManuscriptText, isReadable } from './read-text.ts';

export interface ReadManuscript {
  files: ManuscriptFiles;
  /** Messages about the folder itself (missing, empty, no book.yaml). */
  folder: VFile;
  /** Every VFile read, for reporting. */
  all: VFile[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function markdownIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort(byName);
}

/** A path as the user sees it: relative to the working directory. */
function display(path: string): string {
  return relative(process.cwd(), path) || '.';
}

function emptyResult(folder: VFile): ReadManuscript {
  return { files: { book: undefined, front: [], parts: [], assets: () => ({ status: 'missing' }) }, folder, all: [folder] };
}

/** Reads the manuscript folder `dir`: book.yaml, front/*.md, the part files, and every image. */
export async function readManuscript(dir: string, probeCache?: ImageProbeCache): Promise<ReadManuscript> {
  const folder = new VFile({ path: display(dir) });
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    report(folder, undefined, 'manuscript-missing', { path: display(dir) });
    return emptyResult(folder);
  }
  const bookPath = join(dir, 'book.yaml');
  const read = (sub: string) => async (name: string) => readTextFile(join(dir, sub, name), display(join(dir, sub, name)));
  // All at once: the images are probed while the texts are read.
  const [book, front, parts, images] = await Promise.all([
    existsSync(bookPath) ? readTextFile(bookPath, display(bookPath)) : undefined,
    markdownIn(join(dir, 'front')).then((names) => Promise.all(names.map(read('front')))),
    markdownIn(dir).then((names) => Promise.all(names.map(read('')))),
    probeImages(dir, probeCache),
  ]);
  if (!book) report(folder, undefined, 'book-yaml-missing');
  if (parts.length === 0) report(folder, undefined, 'manuscript-empty');
  const all = [folder, ...(book ? [book] : []), ...front, ...parts];
  const usable = (f: VFile) => isReadable(f);
  return {
    files: { book: book && usable(book) ? book : undefined, front: front.filter(usable), parts: parts.filter(usable), assets: assetLookup(images) },
    folder,
    all,
  };
}

/** Each image's pixel size as the manuscript read found it, for layout; undefined when missing or unreadable. */
export function imageSizeOf(read: ReadManuscript): (src: string) => ImageSize | undefined {
  return (src) => {
    const a = read.files.assets(src);
    return a.status === 'ok' ? { widthPx: a.widthPx, heightPx: a.heightPx } : undefined;
  };
}

/** Writes `bytes` to `path` through a temporary file, so a failed build never leaves a broken file. */
export async function writeAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The build date: SOURCE_DATE_EPOCH when set, else the manuscript's build_date. */
export function buildDate(manuscriptDate: string | undefined): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${manuscriptDate ?? '2000-01-01'}T00:00:00Z`);
}
export { DEFAULT_FONTS_DIR, loadFontFile, readFontConfig, resolveFontPath } from './fonts.ts';
export { type LoadedFonts, loadFonts, loadFontSet } from './load-fonts.ts';
export { createManuscript, diskImageCache, readImageBytes, readTemplateFile } from './assets.ts';
export { draftDate, manuscriptRevision } from './revision.ts';
