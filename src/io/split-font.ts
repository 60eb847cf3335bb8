/**
 * A font published as split web-font subsets (issue 18): LXGW WenKai, the
 * open 楷体 on npm, comes only as a hundred WOFF2 files, each with the
 * characters of one `unicode-range` of a CSS file. fonts.yaml names the CSS
 * file; this serves the subsets as one family through the provider's
 * per-character lookup (Font.pieceFor): each subset is a font of its own in
 * the PDF, embedded only when a character of it is set.
 *
 * fontkit reads WOFF2 slowly (its Brotli is JavaScript: a second per file)
 * and cannot subset it, so each WOFF2 file is turned into the TrueType font
 * it packs (Google's woff2 decoder, as WebAssembly in the wawoff2 package)
 * the first time a text needs it, and kept in node_modules/.cache: the same
 * bytes each time, so the PDF stays the same.
 */
import { createHash } from 'node:crypto';
import { sealEntry, unsealEntry } from './disk-cache.ts';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { Font } from '../font/index.ts';
import { makeFolderSync } from './folders.ts';

const require = createRequire(import.meta.url);

/** One @font-face of the CSS: its file (absolute) and the code point ranges it serves. */
export interface FontFace {
  file: string;
  ranges: Array<[number, number]>;
}

/** The @font-face rules of a web-font CSS file: `src: url(...)` and `unicode-range`. */
export function parseFontFaces(css: string, cssPath: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1]!;
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body)?.[1]; // after any local(...)
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    if (!url || !range) continue;
    // One pass of one expression over the ranges (U+4E00 or U+4E00-4E0F): 19 000 of them in LXGW WenKai's CSS.
    const ranges = Array.from(range.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi), (m): [number, number] => {
      const from = parseInt(m[1]!, 16);
      return [from, m[2] === undefined ? from : parseInt(m[2], 16)];
    });
    faces.push({ file: resolve(dirname(cssPath), url), ranges });
  }
  return faces;
}

/** Why the faces of a CSS file give no family (no @font-face, or none with a src and a unicode-range), or undefined. */
export function cssProblem(css: string, faces: readonly FontFace[]): string | undefined {
  if (faces.length > 0) return undefined;
  return /@font-face/i.test(css) ? '其中的 @font-face 规则都没有可用的 src: url(…) 与 unicode-range' : '其中没有 @font-face 规则';
}

/** Why a face's file cannot serve as a subset (checked before anything reads it), or undefined. */
export function pieceProblem(face: FontFace): string | undefined {
  if (!/\.(woff2|ttf|otf)$/i.test(face.file)) return '不是 .woff2、.ttf 或 .otf 文件';
  try {
    if (!statSync(face.file).isFile()) return '不是普通文件';
  } catch {
    return '找不到';
  }
  return undefined;
}

/** The TrueType bytes of a subset: a WOFF2 file decoded (and cached), a .ttf/.otf as it is. */
export function readPiece(file: string): Buffer {
  return /\.woff2$/i.test(file) ? trueTypeOf(file) : readFileSync(file);
}

/** The cache folder for decoded subsets: node_modules/.cache/nianjian-fonts beside the font package. */
function cacheDirFor(file: string): string {
  const modules = file.lastIndexOf(`${'/'}node_modules${'/'}`);
  const root = modules >= 0 ? file.slice(0, modules + '/node_modules'.length) : dirname(file);
  return join(root, '.cache', 'nianjian-fonts');
}

interface Woff2Decoder { decompress(bytes: Uint8Array): Uint8Array | false }

/** wawoff2's Emscripten module: its decompress is synchronous once the runtime is up (ready() waits for that). */
function decoder(): Woff2Decoder {
  return require('wawoff2/build/decompress_binding.js') as Woff2Decoder;
}

/** Waits until the WOFF2 decoder can be called synchronously. */
export async function woff2Ready(): Promise<void> {
  // wawoff2's own entry point waits for the runtime before its first call; after that it is synchronous.
  const decompress = require('wawoff2/decompress.js') as (b: Uint8Array) => Promise<Uint8Array>;
  await decompress(new Uint8Array(0)).catch(() => undefined);
}

/** Where the decoded TrueType of a WOFF2 file is kept: by its path, size and time (a new install decodes again). */
function cachedPath(woff2File: string): string {
  const { size, mtimeMs } = statSync(woff2File);
  const key = createHash('sha256').update(`${woff2File}|${size}|${mtimeMs}`).digest('hex').slice(0, 24);
  return join(cacheDirFor(woff2File), `${basename(woff2File, '.woff2')}-${key}.ttf`);
}

/** A cached subset's bytes when whole (its SHA-256 at its end, disk-cache.ts), else undefined: decoded again. */
function readCached(path: string): Buffer | undefined {
  try {
    const body = unsealEntry(readFileSync(path));
    return body ? Buffer.from(body) : undefined;
  } catch {
    return undefined;
  }
}

/** The TrueType bytes of a WOFF2 file, from the cache or decoded now (and cached). */
export function trueTypeOf(woff2File: string): Buffer {
  const cached = cachedPath(woff2File);
  const kept = readCached(cached);
  if (kept) return kept;
  rmSync(cached, { force: true });
  const ttf = decoder().decompress(readFileSync(woff2File));
  if (ttf === false) throw new Error(`不是 WOFF2 字体：${woff2File}`);
  const bytes = Buffer.from(ttf);
  try {
    makeFolderSync(dirname(cached));
    const temp = `${cached}.${process.pid}`;
    writeFileSync(temp, sealEntry(bytes));
    renameSync(temp, cached);
  } catch {
    // A read-only node_modules: decoded again next time, same bytes.
  }
  return bytes;
}

/** Are all the subsets of these faces decoded and cached already (then the decoder need not start)? */
export function allCached(faces: readonly FontFace[]): boolean {
  // Present and longer than its hash: a damaged body is found by trueTypeOf, removed, and decoded again.
  return faces.every((f) => {
    if (!/\.woff2$/i.test(f.file)) return true;
    const path = cachedPath(f.file);
    return existsSync(path) && statSync(path).size > 32;
  });
}

/**
 * One family over its subsets: `pieceFor` gives the subset font that has a
 * character. The family's own metrics are its first subset's.
 */
export class SplitFamily implements Font {
  private readonly byCodePoint = new Map<number, Font | null>();
  /**
   * Every face's ranges as [first, last, face], sorted by first code point,
   * for a binary search: LXGW WenKai's CSS has 19 000 ranges, and scanning
   * them for each new character was a twentieth of a build (issue 24).
   * Made at the first look-up: a family the book never sets (the Kai's
   * Medium, for bold captions) costs no sorting (6-11 ms).
   */
  private table: { ranges: ReadonlyArray<readonly [number, number, number]>; reach: readonly number[] } | undefined;

  constructor(private readonly faces: readonly FontFace[], private readonly pieces: readonly Font[]) {}

  private get rangeTable(): NonNullable<SplitFamily['table']> {
    if (!this.table) {
      const ranges = this.faces.flatMap((f, i) => f.ranges.map(([a, b]) => [a, b, i] as const)).sort((x, y) => x[0] - y[0]);
      let last = -1;
      // reach[k]: the highest last code point of ranges[0..k], where a search for overlapping ranges may stop.
      this.table = { ranges, reach: ranges.map(([, b]) => (last = Math.max(last, b))) };
    }
    return this.table;
  }

  /** The first face (in CSS order) whose ranges hold the code point, or -1. */
  private faceOf(codePoint: number): number {
    const { ranges, reach } = this.rangeTable;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![0] <= codePoint) lo = mid + 1;
      else hi = mid;
    }
    // Ranges may overlap: the first face in CSS order that lists the code point serves it, as in a browser.
    let face = -1;
    for (let k = lo - 1; k >= 0 && reach[k]! >= codePoint; k--) {
      const [, b, i] = ranges[k]!;
      if (codePoint <= b && (face < 0 || i < face)) face = i;
    }
    return face;
  }

  pieceFor(codePoint: number): Font | undefined {
    let piece = this.byCodePoint.get(codePoint);
    if (piece === undefined) {
      const i = this.faceOf(codePoint);
      piece = i >= 0 && this.pieces[i]!.hasGlyphForCodePoint(codePoint) ? this.pieces[i]! : null;
      this.byCodePoint.set(codePoint, piece);
    }
    return piece ?? undefined;
  }

  private get first(): Font { return this.pieces[0]!; }
  get postscriptName() { return this.first.postscriptName; }
  get unitsPerEm() { return this.first.unitsPerEm; }
  get numGlyphs() { return this.first.numGlyphs; }
  get ascent() { return this.first.ascent; }
  get descent() { return this.first.descent; }
  hasGlyphForCodePoint(codePoint: number) { return this.pieceFor(codePoint) !== undefined; }
  glyphForCodePoint(codePoint: number) { return this.pieceFor(codePoint)?.glyphForCodePoint(codePoint) ?? { id: 0, advanceWidth: 0 }; }
  layout(text: string, features?: string[]) { return (this.pieceFor(text.codePointAt(0)!) ?? this.first).layout(text, features); }
  createSubset(): ReturnType<Font['createSubset']> { throw new Error('a split family is embedded subset by subset (pieceFor)'); }
}
