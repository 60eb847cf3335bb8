/**
 * The EPUB of a parsed book, from the same model as the PDF: images resized
 * for screens, a cover made from the title when none is given, print page
 * numbers from the PDF's layout for the index and the page-list.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tableOfContents } from '../derive/index.ts';
import { type Font, textPathSvg } from '../font/index.ts';
import type { PagedDocument } from '../layout/index.ts';
import type { Book } from '../model/index.ts';
import { renderEpub } from '../render/index.ts';

/** Photos for screens: at most this wide, JPEG. */
const SCREEN_WIDTH_PX = 1000;
const COVER = { width: 1400, height: 2000 } as const;

export interface EpubBuildInput {
  book: Book;
  paged: PagedDocument;
  imageBytes: ReadonlyMap<string, Uint8Array>;
  /** The heading font, to draw the generated cover's title. */
  coverFont: Font;
  /** Font files of the body and heading roles, for epub.embed_fonts. */
  fontFiles: { body: Uint8Array; heading: Uint8Array };
  date: Date;
  /** Resized images already made by an earlier build (io keeps them by content hash). */
  cache?: ImageCache;
}

/** A store of derived images by a key of their source bytes. */
export interface ImageCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/**
 * sharp (libvips), loaded when an image is to be made: a build whose screen
 * photos and cover are in the image cache, as every build after the first,
 * does without it (27 ms of every start, and its threads).
 * Required, not imported: the bundled CLI runs as a script, where import() is not offered.
 */
export function loadSharp(): typeof import('sharp').default {
  const sharp = createRequire(import.meta.url)('sharp') as typeof import('sharp').default;
  // libvips keeps recent operations for reuse; each image here is made once (a first build's peak: about 610 → 570 MB).
  sharp.cache(false);
  return sharp;
}

/**
 * subset-font, loaded only for a book that embeds its fonts: it brings a
 * WebAssembly HarfBuzz and a WOFF2 codec, 30 ms of every start otherwise.
 * Required, not imported: the bundled CLI runs as a script, where import() is not offered.
 */
const loadSubsetFont = (): typeof import('subset-font').default => createRequire(import.meta.url)('subset-font');

/** TrueType subsets of the body and heading fonts for the characters of `text` (HarfBuzz hb-subset). */
function fontSubsetter(files: EpubBuildInput['fontFiles']) {
  return async (text: string) => {
    const subsetFont = loadSubsetFont();
    const chars = [...new Set(text)].join('');
    const [body, heading] = await Promise.all([files.body, files.heading].map((f) => subsetFont(Buffer.from(f), chars, { targetFormat: 'sfnt' })));
    return { body: new Uint8Array(body!), heading: new Uint8Array(heading!) };
  };
}

/** Each photo for screens, resized by sharp on its own threads: the paths at once, each image when made. */
function screenImages(images: ReadonlyMap<string, Uint8Array>, cache: ImageCache | undefined): Map<string, Promise<Uint8Array>> {
  const out = new Map<string, Promise<Uint8Array>>();
  for (const [src, bytes] of images) out.set(src, handled(screenImage(bytes, cache)));
  return out;
}

/** Marked as handled now: it is awaited only once the documents are made, and a failure is met there. */
function handled<T>(made: Promise<T>): Promise<T> {
  made.catch(() => undefined);
  return made;
}

/**
 * A photo as a screen JPEG. A transparent PNG (a chart exported from Excel,
 * a logo) goes on white, as on paper: JPEG has no alpha, and libvips dropped
 * it to black, so a chart's black lines vanished into a black ground. The
 * key says so (`w`), so a screen image made before is not taken.
 */
async function screenImage(bytes: Uint8Array, cache: ImageCache | undefined): Promise<Uint8Array> {
  const key = `screen-${SCREEN_WIDTH_PX}w-${createHash('sha256').update(bytes).digest('hex')}`;
  const cached = await cache?.get(key);
  if (cached) return cached;
  const sharp = loadSharp();
  const jpeg = new Uint8Array(await sharp(bytes).resize({ width: SCREEN_WIDTH_PX, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer());
  await cache?.set(key, jpeg);
  return jpeg;
}

/** A plain cover from the title page: title, year and compiler on a quiet ground. */
async function generatedCover(book: Book, font: Font, cache: ImageCache | undefined): Promise<Uint8Array> {
  const s = book.settings;
  const cx = COVER.width / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER.width}" height="${COVER.height}">
<rect width="100%" height="100%" fill="#8c1c13"/><rect x="60" y="60" width="${COVER.width - 120}" height="${COVER.height - 120}" fill="none" stroke="#e8c77a" stroke-width="6"/>
<g fill="#f6ecd2">${textPathSvg(font, s.title, 150, cx, 700)}${textPathSvg(font, String(s.year), 120, cx, 900)}${textPathSvg(font, `${s.compiler}　编`, 64, cx, 1500)}${textPathSvg(font, s.publisher.name, 64, cx, 1800)}</g></svg>`;
  // Kept with the screen photos, by its drawing: the same title makes the same cover without libvips.
  const key = `cover-${createHash('sha256').update(svg).digest('hex')}`;
  const cached = await cache?.get(key);
  if (cached) return cached;
  const sharp = loadSharp();
  const jpeg = new Uint8Array(await sharp(Buffer.from(svg)).flatten({ background: '#8c1c13' }).jpeg({ quality: 85 }).toBuffer());
  await cache?.set(key, jpeg);
  return jpeg;
}

/**
 * The EPUB. Its documents are made and handed to the zip before the first
 * await (renderEpub), so a caller that draws the PDF next has them deflated
 * on the thread pool meanwhile, and photos and cover made by sharp's threads.
 */
export async function buildEpub(input: EpubBuildInput): Promise<Uint8Array> {
  const { book, paged } = input;
  const printPageOf = (anchor: string) => {
    const a = paged.anchors.get(anchor);
    return a && /^\d+$/.test(a.folio) ? Number(a.folio) : undefined;
  };
  return renderEpub({
    book, toc: tableOfContents(book), index: paged.index, printPageOf, wordsThousands: paged.wordsThousands,
    indexPages: paged.pages.filter((p) => p.kind === 'index').map((p) => Number(p.number)),
    pageBegins: new Map(paged.pages.flatMap((p) => (p.begins && /^\d+$/.test(p.number) ? [[Number(p.number), p.begins] as const] : []))),
    lastBodyPage: Math.max(0, ...paged.pages.filter((p) => /^\d+$/.test(p.number) && p.kind !== 'blank').map((p) => Number(p.number))),
    images: screenImages(input.imageBytes, input.cache), cover: handled(generatedCover(book, input.coverFont, input.cache)), date: input.date,
    ...(book.settings.epub.embed_fonts ? { subsetFonts: fontSubsetter(input.fontFiles) } : {}),
  });
}
