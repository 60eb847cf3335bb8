/**
 * Loads the fonts named by fonts/fonts.yaml (and a book's own fonts.yaml)
 * into a FontSet for the composer.
 */
import { FONT_ROLES } from '../config/index.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { type Font, type FontRole, type FontSet, isBlankGlyph, type RoleFonts } from '../font/index.ts';
import { hasErrors, type Params, report, type RuleId, VFile } from '../diagnostics/index.ts';
import { openCheckedFont } from './font-check.ts';
import { DEFAULT_FONTS_DIR, fontFileProblem, readBookFontConfig, readFontConfig, resolveFontPath } from './fonts.ts';
import { allCached, cssProblem, type FontFace, parseFontFaces, pieceProblem, readPiece, SplitFamily, woff2Ready } from './split-font.ts';

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
 * A book's own fonts.yaml checked as a build reads it (`nianjian check`):
 * its paths, then (when they lead to files) every font it names opened and
 * read as loadFontSet reads it. Its file with the messages at their places
 * (or nianjian's fonts.yaml's, when that one fails), or undefined when the
 * book has none.
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
  if (hasErrors([book.file]) || (Object.keys(roles).length === 0 && fallback.length === 0)) return book.file;
  // Every font it names opened and read as a build reads it: a damaged file is found by check too.
  try {
    await loadFontSet(DEFAULT_FONTS_DIR, undefined, bookDir);
  } catch (error) {
    if (error instanceof FontConfigError) return error.file;
    throw error;
  }
  return book.file;
}

/** Where a font is written in a fonts.yaml: its messages go to that line. */
interface FontOrigin { from: FontSource; path: string }

/** A font of fonts.yaml that cannot be used: the error that ends the loading (or the layout), at the line that names it. */
function fontError(origin: FontOrigin, ruleId: RuleId, params: Params): FontConfigError {
  const { file } = origin.from;
  const copy = new VFile({ path: file.path, value: file.value });
  report(copy, placeOf(file, origin.path), ruleId, { path: origin.path, ...params });
  return new FontConfigError(copy);
}

/**
 * Opens a font of `family`, or undefined with the message on `to`: its
 * problems are found now, before the layout, and all of them in one run.
 * `cjk`: it serves a role, so it must have Chinese characters.
 */
function checkNow(font: Font, cjk: boolean, to: VFile, origin: FontOrigin): void {
  try {
    if (font instanceof SplitFamily) {
      if (cjk && !font.hasGlyphForCodePoint(CJK_PROBE)) report(to, placeOf(origin.from.file, origin.path), 'font-unusable', { path: origin.path, role: 'yes', reason: '其中没有含汉字（如“中”）的子集' });
      else if (!cjk) void font.unitsPerEm;
    } else void font.unitsPerEm;
  } catch (error) {
    if (!(error instanceof FontConfigError)) throw error;
    to.messages.push(...error.file.messages);
  }
}

/** 中: a character every Chinese font has. */
const CJK_PROBE = 0x4e2d;

/** The subsets of a web font's CSS file: a family, or an error at the CSS file's line. */
function splitFamily(full: string, origin: FontOrigin, onLoad: ((font: Font, bytes: Uint8Array, key: string) => void) | undefined, keys: FontKeys): { faces: FontFace[]; family: SplitFamily } {
  let css: string;
  try {
    css = readFileSync(full, 'utf8');
  } catch {
    throw fontError(origin, 'font-css-invalid', { reason: '读不出' });
  }
  const faces = parseFontFaces(css, full);
  const problem = cssProblem(css, faces);
  if (problem) throw fontError(origin, 'font-css-invalid', { reason: problem });
  for (const face of faces) {
    const bad = pieceProblem(face);
    if (bad) throw fontError(origin, 'font-piece-damaged', { piece: relative(dirname(full), face.file), reason: bad });
  }
  // Each subset under a key of its own (they share one PostScript name): LXGWWenKai-Regular-result-12.
  const name = `${basename(dirname(full))}-${basename(full, '.css')}`;
  const pieces = faces.map((f, i) => new LazyFont(f.file, origin, onLoad, keys, { key: `${name}-${i}`, read: readPiece, css: full }));
  return { faces, family: new SplitFamily(faces, pieces) };
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
  const keys = new FontKeys();
  /** The fonts of the book's own fonts.yaml, opened before the layout: all their problems in one run, as check gives them. */
  const ownFonts: Array<{ font: Font; cjk: boolean; origin: FontOrigin }> = [];
  const origins = new Map<Font, FontOrigin>();
  let needsDecoder = false;
  const load = (path: string, from: FontSource, cjk: boolean): Font => {
    const full = usableFontPath(path, from);
    if (full !== undefined) read?.add(full);
    if (full === undefined) return NO_FONT;
    const origin = { from, path };
    let font = cache.get(full);
    if (!font) {
      if (full.endsWith('.css')) {
        // Split web-font subsets (issue 18): one family, a font per subset, each read when a character needs it.
        try {
          const split = splitFamily(full, origin, onLoad, keys);
          needsDecoder ||= !allCached(split.faces);
          font = split.family;
        } catch (error) {
          if (!(error instanceof FontConfigError)) throw error;
          from.file.messages.push(...error.file.messages);
          return NO_FONT;
        }
      } else font = new LazyFont(full, origin, onLoad, keys);
      cache.set(full, font);
    }
    if (font instanceof LazyFont && cjk) font.cjk = true;
    if (!origins.has(font)) origins.set(font, origin);
    if (from === own) ownFonts.push({ font, cjk, origin });
    return font;
  };
  const roles = {} as Record<FontRole, RoleFonts>;
  for (const role of FONT_ROLES) {
    const ownRole = own && book?.config?.roles?.[role];
    const [r, from] = ownRole ? [ownRole, own] : [config.roles[role], tool];
    roles[role] = { regular: load(r.regular, from, true), ...(r.bold ? { bold: load(r.bold, from, true) } : {}) };
  }
  const ownFallback = own && book?.config?.fallback;
  const fallback = ownFallback ? ownFallback.map((p) => load(p, own, false)) : config.fallback.map((p) => load(p, tool, false));
  for (const f of [file, ...(book ? [book.file] : [])]) if (hasErrors([f])) throw new FontConfigError(f);
  if (needsDecoder) await woff2Ready();
  // The role fonts every book sets are read now, together on the thread pool (25 MB for the
  // sample's, 20-30 ms of this thread's CPU when read here); bold faces and fallbacks when a text first needs them.
  // Each file once: roles may share a font (a book's fonts.yaml naming one file for body and heading).
  const regulars = new Set(FONT_ROLES.map((role) => roles[role].regular));
  await Promise.all([...regulars].map((font) => (font instanceof LazyFont ? font.readAhead() : undefined)));
  // A book's own fonts, all of them, and the role fonts every book sets (a family of subsets only when
  // the book names it: its subsets open when a character needs them): every problem at its line of
  // fonts.yaml now, before the layout. A font of nianjian's own that fails later, when a text first
  // needs it, ends the build with the same message (LazyFont.font).
  const roleFonts = FONT_ROLES.map((role) => roles[role].regular).filter((f) => f instanceof LazyFont && !ownFonts.some((o) => o.font === f));
  const now = [...ownFonts, ...roleFonts.map((font) => ({ font, cjk: true, origin: origins.get(font)! }))];
  for (const { font, cjk, origin } of now) checkNow(font, cjk, origin.from.file, origin);
  for (const f of [file, ...(book ? [book.file] : [])]) if (hasErrors([f])) throw new FontConfigError(f);
  return { roles, fallback };
}

/**
 * The keys fonts are embedded and drawn by, one for each file. Fonts are
 * known by their PostScript name, but two files can share one: a book's own
 * copy of a font in another version than the fallback nianjian sets, or a
 * subset of it. Under one key the PDF would embed one file and draw the
 * other's glyph numbers with it, wrong characters that read back right. A
 * second file of a name takes the name with -2.
 */
class FontKeys {
  private readonly owners = new Map<string, string>();

  claim(name: string, path: string): string {
    for (let n = 1; ; n++) {
      const key = n === 1 ? name : `${name}-${n}`;
      const owner = this.owners.get(key);
      if (owner === undefined) this.owners.set(key, path);
      if (owner === undefined || owner === path) return key;
    }
  }
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
  /** It serves a role (宋、黑、楷): it must have Chinese characters. */
  cjk = false;

  /**
   * `origin`: where fonts.yaml names it, for the message when it cannot be opened.
   * `piece`: a subset of a split family, with its own key (its subsets share one PostScript name), reader (WOFF2 → TrueType) and CSS file.
   */
  constructor(
    private readonly path: string,
    private readonly origin: FontOrigin,
    private readonly onLoad: ((font: Font, bytes: Uint8Array, key: string) => void) | undefined,
    private readonly keys: FontKeys,
    private readonly piece?: { key: string; read: (path: string) => Buffer; css: string },
  ) {}

  /** Reads the file (not a split family's piece) without opening it, off this thread. */
  async readAhead(): Promise<void> {
    if (!this.opened && !this.piece) this.readBytes ??= await readFile(this.path).catch(() => undefined);
  }

  /** The font, opened and checked (font-check.ts) the first time it is asked for; a FontConfigError at its line of fonts.yaml when it cannot serve. */
  private get font(): Font {
    if (!this.opened) {
      const data = this.readBytes ?? this.read();
      this.readBytes = undefined;
      const checked = openCheckedFont(data, this.cjk && !this.piece);
      if ('fault' in checked) {
        if (this.piece) throw fontError(this.origin, 'font-piece-damaged', { piece: relative(dirname(this.piece.css), this.path), reason: `已损坏：${checked.fault.reason}` });
        throw fontError(this.origin, checked.fault.kind === 'damaged' ? 'font-file-damaged' : 'font-unusable', { reason: checked.fault.reason, ...(this.cjk ? { role: 'yes' } : {}) });
      }
      this.opened = checked.font;
      // The file's own buffer, not a copy.
      this.onLoad?.(this.opened, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), this.postscriptName);
    }
    return this.opened;
  }

  /** The file's bytes (a piece's decoded), or the error at the line of fonts.yaml that names it. */
  private read(): Buffer {
    try {
      return this.piece ? this.piece.read(this.path) : readFileSync(this.path);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (this.piece) throw fontError(this.origin, 'font-piece-damaged', { piece: relative(dirname(this.piece.css), this.path), reason: missing ? '找不到' : '已损坏，不是可以解码的 WOFF2 字体' });
      throw fontError(this.origin, missing ? 'font-file-missing' : 'font-file-damaged', { full: this.path, reason: '读不出文件' });
    }
  }

  /** This file's key (FontKeys), claimed when first asked for. */
  private key: string | undefined;
  get postscriptName() { return (this.key ??= this.keys.claim(this.piece?.key ?? this.font.postscriptName, this.path)); }
  get unitsPerEm() { return this.font.unitsPerEm; }
  get numGlyphs() { return this.font.numGlyphs; }
  get ascent() { return this.font.ascent; }
  get descent() { return this.font.descent; }
  get hmtx() { return this.font.hmtx; }
  get availableFeatures() { return this.font.availableFeatures; }
  hasGlyphForCodePoint(codePoint: number) { return this.guarded(() => this.font.hasGlyphForCodePoint(codePoint)); }
  glyphForCodePoint(codePoint: number) { return this.guarded(() => this.font.glyphForCodePoint(codePoint)); }
  layout(text: string, features?: string[]) { return this.guarded(() => this.font.layout(text, features)); }
  isBlank(id: number) { return this.guarded(() => isBlankGlyph(this.font, id)); }

  /** A table damaged past what opening reads (a lookup of GSUB met by one text only): the same message at the font's line. */
  private guarded<T>(use: () => T): T {
    try {
      return use();
    } catch (error) {
      if (error instanceof FontConfigError) throw error;
      if (this.piece) throw fontError(this.origin, 'font-piece-damaged', { piece: relative(dirname(this.piece.css), this.path), reason: '已损坏：字体的数据表读不出' });
      throw fontError(this.origin, 'font-file-damaged', { reason: '字体的数据表读不出' });
    }
  }
  createSubset() { return this.font.createSubset(); }
}
