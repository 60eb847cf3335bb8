/**
 * Loads the fonts named by fonts/fonts.yaml into a FontSet for the composer.
 */
import { FONT_ROLES } from '../config/index.ts';
import { readFile } from 'node:fs/promises';
import { type Font, type FontRole, type FontSet, openFont, type RoleFonts } from '../font/index.ts';
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

export async function loadFontSet(fontsDir = DEFAULT_FONTS_DIR, onLoad?: (font: Font, bytes: Uint8Array) => void): Promise<FontSet> {
  const { config, file } = await readFontConfig(fontsDir);
  if (!config) throw new Error(`fonts.yaml is unusable: ${file.messages.map((m) => m.reason).join('; ')}`);
  const cache = new Map<string, Promise<Font>>();
  const load = (path: string) => {
    if (!cache.has(path)) {
      cache.set(path, readFile(resolveFontPath(fontsDir, path)).then((data) => {
        const font = openFont(data);
        onLoad?.(font, new Uint8Array(data));
        return font;
      }));
    }
    return cache.get(path)!;
  };
  const roles = {} as Record<FontRole, RoleFonts>;
  for (const role of FONT_ROLES) {
    const r = config.roles[role];
    roles[role] = { regular: await load(r.regular), ...(r.bold ? { bold: await load(r.bold) } : {}) };
  }
  return { roles, fallback: await Promise.all(config.fallback.map(load)) };
}
