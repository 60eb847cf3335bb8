/**
 * Loads the fonts named by fonts/fonts.yaml into a FontSet for the composer.
 */
import { FONT_ROLES } from '../config/index.ts';
import { existsSync, readFileSync } from 'node:fs';
import { type Font, type FontRole, type FontSet, openFont, type RoleFonts } from '../font/index.ts';
import { hasErrors, report, type VFile } from '../diagnostics/index.ts';
import { DEFAULT_FONTS_DIR, readFontConfig, resolveFontPath } from './fonts.ts';

/** The fonts of fonts.yaml, with the bytes of each font file by its key (for embedding in the PDF). */
export interface LoadedFonts {
  set: FontSet;
  bytes: Map<string, Uint8Array>;
  /** The same fonts as opened, by the same key: the PDF embeds them without parsing the files again. */
  opened: Map<string, Font>;
}

export async function loadFonts(fontsDir = DEFAULT_FONTS_DIR): Promise<LoadedFonts> {
  const bytes = new Map<string, Uint8Array>();
  const opened = new Map<string, Font>();
  const set = await loadFontSet(fontsDir, (font, data) => {
    bytes.set(font.postscriptName, data);
    opened.set(font.postscriptName, font);
  });
  return { set, bytes, opened };
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

/** The 1-based line of fonts.yaml where `path` is written. */
const lineOf = (file: VFile, path: string) => String(file.value).slice(0, Math.max(0, String(file.value).indexOf(path))).split('\n').length;

export async function loadFontSet(fontsDir = DEFAULT_FONTS_DIR, onLoad?: (font: Font, bytes: Uint8Array) => void): Promise<FontSet> {
  const { config, file } = await readFontConfig(fontsDir);
  if (!config) throw new FontConfigError(file);
  const cache = new Map<string, Font>();
  const load = (path: string): Font => {
    const full = resolveFontPath(fontsDir, path);
    if (full === undefined) report(file, { line: lineOf(file, path), column: 1 }, 'font-path-outside', { path });
    else if (!existsSync(full)) report(file, { line: lineOf(file, path), column: 1 }, 'font-file-missing', { path });
    else if (!cache.has(path)) cache.set(path, new LazyFont(full, onLoad));
    return cache.get(path)!;
  };
  const roles = {} as Record<FontRole, RoleFonts>;
  for (const role of FONT_ROLES) {
    const r = config.roles[role];
    roles[role] = { regular: load(r.regular), ...(r.bold ? { bold: load(r.bold) } : {}) };
  }
  const fallback = config.fallback.map(load);
  if (hasErrors([file])) throw new FontConfigError(file);
  // The role fonts every book sets are read now; bold faces and fallbacks when a text first needs them.
  for (const role of FONT_ROLES) void roles[role].regular.postscriptName;
  return { roles, fallback };
}

/**
 * A font that reads its file when first asked: a CJK font is 15 MB, and a
 * book that sets no bold and needs no fallback never reads those files.
 */
class LazyFont implements Font {
  private opened: Font | undefined;

  constructor(private readonly path: string, private readonly onLoad?: (font: Font, bytes: Uint8Array) => void) {}

  private get font(): Font {
    if (!this.opened) {
      const data = readFileSync(this.path);
      this.opened = openFont(data);
      // The file's own buffer, not a copy.
      this.onLoad?.(this.opened, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
    return this.opened;
  }

  get postscriptName() { return this.font.postscriptName; }
  get unitsPerEm() { return this.font.unitsPerEm; }
  get numGlyphs() { return this.font.numGlyphs; }
  get ascent() { return this.font.ascent; }
  get descent() { return this.font.descent; }
  get hmtx() { return this.font.hmtx; }
  hasGlyphForCodePoint(codePoint: number) { return this.font.hasGlyphForCodePoint(codePoint); }
  glyphForCodePoint(codePoint: number) { return this.font.glyphForCodePoint(codePoint); }
  layout(text: string, features?: string[]) { return this.font.layout(text, features); }
  createSubset() { return this.font.createSubset(); }
}
