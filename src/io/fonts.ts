/**
 * Reads fonts/fonts.yaml and the font files it names.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type FontConfig, loadFontConfig } from '../config/index.ts';
import { openFont, type Font } from '../font/index.ts';
import { readTextFile } from './read-text.ts';
import { isOutside } from './safe-read.ts';

const require = createRequire(import.meta.url);

/** The default fonts/ folder of the nianjian installation. */
export const DEFAULT_FONTS_DIR = resolve(import.meta.dirname, '../../fonts');

/**
 * A fonts.yaml path: `npm:pkg/file` from node_modules, anything else
 * relative to the fonts folder and inside it (undefined otherwise: an
 * absolute path or `..` is not followed).
 */
export function resolveFontPath(fontsDir: string, path: string): string | undefined {
  if (path.startsWith('npm:')) {
    try {
      return require.resolve(path.slice(4));
    } catch {
      return undefined;
    }
  }
  const full = resolve(fontsDir, path);
  return isOutside(resolve(fontsDir), full) ? undefined : full;
}

export async function readFontConfig(fontsDir = DEFAULT_FONTS_DIR): Promise<{ config: FontConfig | undefined; file: import('../diagnostics/index.ts').VFile }> {
  const file = await readTextFile(join(fontsDir, 'fonts.yaml'), join(fontsDir, 'fonts.yaml'));
  return { config: loadFontConfig(file), file };
}

export async function loadFontFile(fontsDir: string, path: string): Promise<Font> {
  const full = resolveFontPath(fontsDir, path);
  if (!full) throw new Error(`fonts.yaml: ${path} 不在字体目录 ${fontsDir} 之内`);
  return openFont(await readFile(full));
}
