/**
 * Reads fonts/fonts.yaml and the font files it names.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type FontConfig, loadFontConfig } from '../config/index.ts';
import { openFont, type Font } from '../font/index.ts';
import { readTextFile } from './read-text.ts';

const require = createRequire(import.meta.url);

/** The default fonts/ folder of the nianjian installation. */
export const DEFAULT_FONTS_DIR = resolve(import.meta.dirname, '../../fonts');

/** A fonts.yaml path: `npm:pkg/file` from node_modules, anything else relative to the fonts folder. */
export function resolveFontPath(fontsDir: string, path: string): string {
  return path.startsWith('npm:') ? require.resolve(path.slice(4)) : join(fontsDir, path);
}

export async function readFontConfig(fontsDir = DEFAULT_FONTS_DIR): Promise<{ config: FontConfig | undefined; file: import('../diagnostics/index.ts').VFile }> {
  const file = await readTextFile(join(fontsDir, 'fonts.yaml'), join(fontsDir, 'fonts.yaml'));
  return { config: loadFontConfig(file), file };
}

export async function loadFontFile(fontsDir: string, path: string): Promise<Font> {
  return openFont(await readFile(resolveFontPath(fontsDir, path)));
}
