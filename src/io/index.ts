/**
 * The only stage that touches the disk, the clock and the environment:
 * reads a manuscript folder into VFiles and probed images, and writes
 * output atomically.
 */
import { type Dirent, existsSync, statSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkSourceDateEpoch } from '../config/index.ts';
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

/**
 * File names in order, numbers by their value (9-…, 10-…, as 09-… and 10-…
 * are; text order put 10 before 9), the rest by code point: the same order
 * on every machine, whatever its locale.
 */
export function byName(a: string, b: string): number {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      let ei = i;
      let ej = j;
      while (isDigit(a[ei])) ei++;
      while (isDigit(b[ej])) ej++;
      const diff = Number(a.slice(i, ei)) - Number(b.slice(j, ej));
      if (diff !== 0) return diff;
      i = ei;
      j = ej;
    } else if (a[i] !== b[j]) return a[i]! < b[j]! ? -1 : 1;
    else {
      i++;
      j++;
    }
  }
  return a.length - i - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A manuscript text by its name: *.md, in any case (a Windows editor's 03-经济.MD). */
export const isMarkdownName = (n: string) => /\.md$/i.test(n) && !n.startsWith('.');
/** Names an editor may mean as a part but nianjian does not read: other Markdown endings, text and Word files (import reads those). */
const LOOKS_LIKE_TEXT = /\.(markdown|mdown|mkd|txt|docx?|wps)$/i;
/** The folders of a manuscript that hold no parts. */
const NOT_PARTS = new Set(['front', 'photos', 'templates', 'fonts', 'output', 'node_modules']);
/** The report `nianjian import` leaves in the manuscript folder (cli/import.ts). */
const IMPORT_REPORT = /^导入报告(-\d+)?\.txt$/;

/** A folder's entries, or none with `folder-unreadable` said (a front/ without permission lost the front matter in silence). */
async function entriesOf(dir: string, folder: VFile): Promise<Dirent[]> {
  if (!existsSync(dir)) return [];
  return readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    report(folder, undefined, 'folder-unreadable', { path: display(dir), reason: error.code ?? String(error) });
    return [];
  });
}

/** The Markdown files among `entries`, in order. Every entry named *.md, whatever it is: a folder or a FIFO so named is reported by readTextFile, not skipped in silence. */
const markdownOf = (entries: readonly Dirent[]) => entries.map((e) => e.name).filter(isMarkdownName).sort(byName);

/** Texts in the manuscript folder that are not read as parts, and folders below it with Markdown in them: said, never skipped in silence. */
async function notRead(dir: string, entries: readonly Dirent[], folder: VFile): Promise<void> {
  const files = entries.filter((e) => !e.isDirectory() && LOOKS_LIKE_TEXT.test(e.name) && !IMPORT_REPORT.test(e.name) && !e.name.startsWith('.')).map((e) => e.name).sort(byName);
  if (files.length > 0) report(folder, undefined, 'file-not-read', { names: files.join('、') });
  for (const sub of entries.filter((e) => e.isDirectory() && !NOT_PARTS.has(e.name) && !e.name.startsWith('.')).map((e) => e.name).sort(byName)) {
    const inside = await readdir(join(dir, sub)).catch(() => []);
    if (inside.some((n) => isMarkdownName(n) || LOOKS_LIKE_TEXT.test(n))) report(folder, undefined, 'folder-not-read', { name: sub });
  }
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
  const realRoot = await realpath(dir);
  const read = (sub: string) => async (name: string) => readTextFile(join(dir, sub, name), display(join(dir, sub, name)), realRoot);
  // All at once: the images are probed while the texts are read.
  const [book, front, parts, images] = await Promise.all([
    existsSync(bookPath) ? readTextFile(bookPath, display(bookPath), realRoot) : undefined,
    entriesOf(join(dir, 'front'), folder).then((entries) => Promise.all(markdownOf(entries).map(read('front')))),
    // The folder is listed once: for its parts, and for what lies there that is not read.
    entriesOf(dir, folder).then(async (entries) => {
      await notRead(dir, entries, folder);
      return Promise.all(markdownOf(entries).map(read('')));
    }),
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

/** SOURCE_DATE_EPOCH when it is a time a book can carry (1980–2107, the range of a ZIP's dates: config/dates.ts), else undefined. */
function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const checked = checkSourceDateEpoch(epoch);
  return checked.ok ? checked.date.getTime() / 1000 : undefined;
}

/** Set but unusable: said once per build, and the manuscript's build_date is used. */
export function sourceDateEpochIgnored(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.SOURCE_DATE_EPOCH !== undefined && env.SOURCE_DATE_EPOCH !== '' && sourceDateEpoch(env) === undefined ? env.SOURCE_DATE_EPOCH.slice(0, 40) : undefined;
}

/** The build date: SOURCE_DATE_EPOCH when set and in range, else the manuscript's build_date. */
export function buildDate(manuscriptDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = sourceDateEpoch(env);
  if (epoch !== undefined) return new Date(epoch * 1000);
  const date = new Date(`${manuscriptDate ?? '2000-01-01'}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date('2000-01-01T00:00:00Z') : date;
}
export { DEFAULT_FONTS_DIR, fontFileProblem, loadFontFile, readBookFontConfig, readFontConfig, resolveFontPath } from './fonts.ts';
export { checkBookFonts, FontConfigError, fontsChanged, type LoadedFonts, loadFonts, loadFontSet } from './load-fonts.ts';
export { type BookImages, type CoverImage, createManuscript, diskImageCache, readCoverImage, readImageBytes, readTemplateFile } from './assets.ts';
export { MAX_IMAGE_PIXELS } from './printable-images.ts';
export { draftDate, manuscriptRevision } from './revision.ts';
export { commitOutputs, ensureFolder, type Output, ScratchFiles } from './commit.ts';
export { type ByteCache, diskCache, sealEntry, unsealEntry } from './disk-cache.ts';
export { treeCache } from './tree-cache.ts';
export { errnoOf, faultReason, type SystemFault, systemFault } from './faults.ts';
export { kindOf, notRegularReason, readRegularFile } from './safe-read.ts';
export { manuscriptAtRevision, readEarlierManifest } from './earlier-proof.ts';
