/**
 * Reads fonts/fonts.yaml, a book's own fonts.yaml, and the font files they name.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { type BookFontConfig, type FontConfig, loadBookFontConfig, loadFontConfig } from '../config/index.ts';
import type { VFile } from '../diagnostics/index.ts';
import { openFont, type Font } from '../font/index.ts';
import { readTextFile } from './read-text.ts';

const require = createRequire(import.meta.url);

/** The default fonts/ folder of the nianjian installation. */
export const DEFAULT_FONTS_DIR = resolve(import.meta.dirname, '../../fonts');

/**
 * A fonts.yaml path: `npm:pkg/file` from node_modules (undefined when the
 * package is not installed); anything else relative to the folder of the
 * fonts.yaml that names it, or absolute. Where it leads is checked by
 * fontFileProblem: a font file chosen by the book's editors may lie anywhere.
 */
export function resolveFontPath(fontsDir: string, path: string): string | undefined {
  if (path.startsWith('npm:')) {
    try {
      return require.resolve(path.slice(4));
    } catch {
      return undefined;
    }
  }
  return resolve(fontsDir, path);
}

/** Larger than any font a book sets (a CJK font with every extension is some 30 MB): a bound on what is read. */
const MAX_FONT_BYTES = 256 * 1024 * 1024;

/** What the first four bytes of a file say it is, when that is not a font fontkit and the PDF can use. */
const NOT_SFNT: Record<string, string> = {
  ttcf: '这是字体集（.ttc/.otc），含多个字体；请用字体工具从中导出所需的一个 .ttf/.otf',
  wOFF: '这是网页字体（WOFF）；请改用原本的 .ttf/.otf',
  wOF2: '这是网页字体（WOFF2）；请改用原本的 .ttf/.otf，或写它的 CSS 文件',
};

/**
 * Why the file at `full` cannot serve as a font, or undefined when it can
 * (a regular file, not too large, starting as a TrueType or OpenType font):
 * checked before anything reads it whole, so a folder, a device or a text
 * file named by mistake is a message at its line, never a crash.
 */
export function fontFileProblem(full: string): string | undefined {
  let info;
  try {
    info = statSync(full);
  } catch (error) {
    return `无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）`;
  }
  if (!info.isFile()) return info.isDirectory() ? '这是目录，不是文件' : '这不是普通文件';
  if (info.size > MAX_FONT_BYTES) return `文件有 ${Math.round(info.size / 1048576)} MB，超过字体文件的上限 ${MAX_FONT_BYTES / 1048576} MB`;
  if (full.endsWith('.css')) return undefined;
  const head = Buffer.alloc(4);
  const fd = openSync(full, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const tag = head.toString('latin1');
  if (tag === '\u0000\u0001\u0000\u0000' || tag === 'OTTO' || tag === 'true') return undefined;
  return NOT_SFNT[tag] ?? '不是 TrueType 或 OpenType 字体文件';
}

export async function readFontConfig(fontsDir = DEFAULT_FONTS_DIR): Promise<{ config: FontConfig | undefined; file: VFile }> {
  const file = await readTextFile(join(fontsDir, 'fonts.yaml'), join(fontsDir, 'fonts.yaml'));
  return { config: loadFontConfig(file), file };
}

/** A book folder's own fonts.yaml, when it has one: undefined config (with messages on `file`) when it cannot be used. */
export async function readBookFontConfig(bookDir: string): Promise<{ config: BookFontConfig | undefined; file: VFile } | undefined> {
  const path = join(bookDir, 'fonts.yaml');
  if (!existsSync(path)) return undefined;
  const file = await readTextFile(path, relative(process.cwd(), path) || path);
  return { config: loadBookFontConfig(file), file };
}

export async function loadFontFile(fontsDir: string, path: string): Promise<Font> {
  const full = resolveFontPath(fontsDir, path);
  if (!full) throw new Error(`fonts.yaml: 找不到字体包 ${path}`);
  return openFont(await readFile(full));
}
