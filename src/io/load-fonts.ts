/**
 * Loads the fonts named by fonts/fonts.yaml into a FontSet for the composer.
 */
import { FONT_ROLES } from '../config/index.ts';
import type { Font, FontRole, FontSet, RoleFonts } from '../font/index.ts';
import { DEFAULT_FONTS_DIR, loadFontFile, readFontConfig } from './fonts.ts';

export async function loadFontSet(fontsDir = DEFAULT_FONTS_DIR): Promise<FontSet> {
  const { config, file } = await readFontConfig(fontsDir);
  if (!config) throw new Error(`fonts.yaml is unusable: ${file.messages.map((m) => m.reason).join('; ')}`);
  const cache = new Map<string, Promise<Font>>();
  const load = (path: string) => {
    if (!cache.has(path)) cache.set(path, loadFontFile(fontsDir, path));
    return cache.get(path)!;
  };
  const roles = {} as Record<FontRole, RoleFonts>;
  for (const role of FONT_ROLES) {
    const r = config.roles[role];
    roles[role] = { regular: await load(r.regular), ...(r.bold ? { bold: await load(r.bold) } : {}) };
  }
  return { roles, fallback: await Promise.all(config.fallback.map(load)) };
}
