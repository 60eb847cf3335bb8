/**
 * Loads the fonts named by fonts/fonts.yaml (and a book's own fonts.yaml)
 * into a FontSet for the composer.
 */
import { FONT_ROLES } from '../config/index.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type Font, type FontRole, type FontSet, openFont, type RoleFonts } from '../font/index.ts';
import { hasErrors, report, type VFile } from '../diagnostics/index.ts';
import { DEFAULT_FONTS_DIR, fontFileProblem, readBookFontConfig, readFontConfig, resolveFontPath } from './fonts.ts';
import { allCached, parseFontFaces, SplitFamily, trueTypeOf, woff2Ready } from './split-font.ts';

/** The fonts of fonts.yaml, with the bytes of each font file by its key (for embedding in the PDF). */
export interface LoadedFonts {
  set: FontSet;
  bytes: Map<string, Uint8Array>;
  /** The same fonts as opened, by the same key: the PDF embeds them without parsing the files again. */
  opened: Map<string, Font>;
  /**
   * Each file these fonts came from (the fonts.yaml files, also a book's that
   * does not exist yet, and every font file they name) with its stamp when
   * loaded: a watch loads the fonts again when one of them changes.
   */
  sources: ReadonlyMap<string, string>;
}

/**
 * The fonts of nianjian's fonts/fonts.yaml (`fontsDir`), with a book's own
 * fonts.yaml over them when `bookDir` has one (config/font-config.ts).
 */
export async function loadFonts(options: { bookDir?: string; fontsDir?: string } = {}): Promise<LoadedFonts> {
  const bytes = new Map<string, Uint8Array>();
  const opened = new Map<string, Font>();
  const read = new Set<string>();
  const set = await loadFontSet(options.fontsDir, (font, data, key) => {
    bytes.set(key, data);
    opened.set(key, font);
  }, options.bookDir, read);
  return { set, bytes, opened, sources: new Map([...read].map((path) => [path, stampOf(path)])) };
}

/** When and how large the file at `path` is ('' when there is none): a changed stamp means a changed file. */
function stampOf(path: string): string {
  try {
    const info = statSync(path);
    return `${info.mtimeMs}:${info.size}`;
  } catch {
    return '';
  }
}

/** True when a file the fonts came from changed (or appeared, or went) since they were loaded. */
export function fontsChanged(loaded: LoadedFonts): boolean {
  for (const [path, stamp] of loaded.sources) if (stampOf(path) !== stamp) return true;
  return false;
}

/**
 * fonts.yaml could not give a font set: its messages (with their lines) are
 * on `file`, for the build to print like a manuscript's.
 */
export class FontConfigError extends Error {
  constructor(readonly file: VFile) {
    super(file.messages.map((m) => m.reason).join('；'));
  }
}

/** The 1-based line and column of fonts.yaml where `path` is written as a whole value (`regular: path`, `- path`), quoted or not. */
function placeOf(file: VFile, path: string): { line: number; column: number } {
  const lines = String(file.value).split('\n');
  const at = lines.findIndex((line) => line.replace(/\s+#.*$/, '').trim().replace(/^(-|[\w-]+:)\s*/, '').replace(/^(["'])(.*)\1$/, '$2') === path);
  if (at < 0) return { line: 1, column: 1 };
  const column = lines[at]!.indexOf(path);
  return { line: at + 1, column: column < 0 ? 1 : column + 1 };
}

/** A fonts.yaml read: its file (for messages at its lines) and the folder its relative paths start from. */
interface FontSource { file: VFile; dir: string }

/**
 * Where `path` of a fonts.yaml leads, when a font can be read from there;
 * otherwise undefined, with a message at the place it is written.
 */
function usableFontPath(path: string, from: FontSource): string | undefined {
  const full = resolveFontPath(from.dir, path);
  const at = placeOf(from.file, path);
  const problem = full === undefined || !existsSync(full) ? undefined : fontFileProblem(full);
  if (full === undefined) report(from.file, at, 'font-package-missing', { path });
  else if (!existsSync(full)) report(from.file, at, 'font-file-missing', { path, full });
  else if (problem) report(from.file, at, 'font-file-invalid', { path, reason: problem });
  else return full;
  return undefined;
}

/**
 * A book's own fonts.yaml checked as a build reads it, without opening a
 * font (`nianjian check`): its file with the messages at their places, or
 * undefined when the book has none.
 */
export async function checkBookFonts(bookDir: string): Promise<VFile | undefined> {
  const book = await readBookFontConfig(bookDir);
  if (!book?.config) return book?.file;
  const own: FontSource = { file: book.file, dir: resolve(bookDir) };
  const { roles = {}, fallback = [] } = book.config;
  for (const role of FONT_ROLES) {
    const r = roles[role];
    for (const path of r ? [r.regular, ...(r.bold ? [r.bold] : [])] : []) usableFontPath(path, own);
  }
  for (const path of fallback) usableFontPath(path, own);
  return book.file;
}

/** `read` gathers the files the set comes from (for LoadedFonts.sources). */
export async function loadFontSet(fontsDir = DEFAULT_FONTS_DIR, onLoad?: (font: Font, bytes: Uint8Array, key: string) => void, bookDir?: string, read?: Set<string>): Promise<FontSet> {
  read?.add(join(fontsDir, 'fonts.yaml'));
  if (bookDir !== undefined) read?.add(join(bookDir, 'fonts.yaml'));
  const { config, file } = await readFontConfig(fontsDir);
  if (!config) throw new FontConfigError(file);
  const book = bookDir === undefined ? undefined : await readBookFontConfig(bookDir);
  if (book && !book.config) throw new FontConfigError(book.file);
  const tool: FontSource = { file, dir: fontsDir };
  const own: FontSource | undefined = book && bookDir !== undefined ? { file: book.file, dir: resolve(bookDir) } : undefined;
  const cache = new Map<string, Font>();
  let needsDecoder = false;
  const load = (path: string, from: FontSource): Font => {
    const full = usableFontPath(path, from);
    if (full !== undefined) read?.add(full);
    if (full !== undefined && !cache.has(full)) {
      if (full.endsWith('.css')) {
        // Split web-font subsets (issue 18): one family, a font per subset, each read when a character needs it.
        const faces = parseFontFaces(readFileSync(full, 'utf8'), full);
        needsDecoder ||= !allCached(faces);
        // Each subset under a key of its own (they share one PostScript name): LXGWWenKai-Regular-result-12.
        const family = `${basename(dirname(full))}-${basename(full, '.css')}`;
        cache.set(full, new SplitFamily(faces, faces.map((f, i) => new LazyFont(f.file, onLoad, { key: `${family}-${i}`, read: trueTypeOf }))));
      } else cache.set(full, new LazyFont(full, onLoad));
    }
    return (full === undefined ? undefined : cache.get(full)) ?? NO_FONT;
  };
  const roles = {} as Record<FontRole, RoleFonts>;
  for (const role of FONT_ROLES) {
    const ownRole = own && book?.config?.roles?.[role];
    const [r, from] = ownRole ? [ownRole, own] : [config.roles[role], tool];
    roles[role] = { regular: load(r.regular, from), ...(r.bold ? { bold: load(r.bold, from) } : {}) };
  }
  const ownFallback = own && book?.config?.fallback;
  const fallback = ownFallback ? ownFallback.map((p) => load(p, own)) : config.fallback.map((p) => load(p, tool));
  for (const f of [file, ...(book ? [book.file] : [])]) if (hasErrors([f])) throw new FontConfigError(f);
  if (needsDecoder) await woff2Ready();
  // The role fonts every book sets are read now, together on the thread pool (25 MB for the
  // sample's, 20-30 ms of this thread's CPU when read here); bold faces and fallbacks when a text first needs them.
  // Each file once: roles may share a font (a book's fonts.yaml naming one file for body and heading).
  const regulars = new Set(FONT_ROLES.map((role) => roles[role].regular));
  await Promise.all([...regulars].map((font) => (font instanceof LazyFont ? font.readAhead() : undefined)));
  for (const role of FONT_ROLES) void roles[role].regular.postscriptName;
  return { roles, fallback };
}

/** Stands for a font that could not be loaded, until the messages about it end the loading. */
const NO_FONT = undefined as unknown as Font;

/**
 * A font that reads its file when first asked: a CJK font is 15 MB, and a
 * book that sets no bold and needs no fallback never reads those files.
 */
class LazyFont implements Font {
  private opened: Font | undefined;
  /** The file's bytes when read ahead (readAhead), until the font is opened. */
  private readBytes: Buffer | undefined;

  /** `piece`: a subset of a split family, with its own key (its subsets share one PostScript name) and reader (WOFF2 → TrueType). */
  constructor(
    private readonly path: string,
    private readonly onLoad?: (font: Font, bytes: Uint8Array, key: string) => void,
    private readonly piece?: { key: string; read: (path: string) => Buffer },
  ) {}

  /** Reads the file (not a split family's piece) without opening it, off this thread. */
  async readAhead(): Promise<void> {
    if (!this.opened && !this.piece) this.readBytes ??= await readFile(this.path);
  }

  private get font(): Font {
    if (!this.opened) {
      const data = this.readBytes ?? (this.piece ? this.piece.read(this.path) : readFileSync(this.path));
      this.readBytes = undefined;
      this.opened = openFont(data);
      // The file's own buffer, not a copy.
      this.onLoad?.(this.opened, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), this.postscriptName);
    }
    return this.opened;
  }

  get postscriptName() { return this.piece?.key ?? this.font.postscriptName; }
  get unitsPerEm() { return this.font.unitsPerEm; }
  get numGlyphs() { return this.font.numGlyphs; }
  get ascent() { return this.font.ascent; }
  get descent() { return this.font.descent; }
  get hmtx() { return this.font.hmtx; }
  get availableFeatures() { return this.font.availableFeatures; }
  hasGlyphForCodePoint(codePoint: number) { return this.font.hasGlyphForCodePoint(codePoint); }
  glyphForCodePoint(codePoint: number) { return this.font.glyphForCodePoint(codePoint); }
  layout(text: string, features?: string[]) { return this.font.layout(text, features); }
  createSubset() { return this.font.createSubset(); }
}
