/**
 * The names of a book's outputs, from book.yaml's title and year. They
 * become file names under `--out`, so they pass a sanitiser first: no path
 * separators, no `..`, no control characters, a bounded length and a safe
 * fallback (issue 16: `title: ../../escaped/x` must not write outside).
 */
import type { Book } from '../model/index.ts';

/** Bytes of UTF-8 a name may take: the longest suffix (“-校样-report.html”) still fits a 255-byte file name. */
const MAX_NAME_BYTES = 180;
const FALLBACK = '年鉴';

/** Characters no file name may hold on Linux, macOS or Windows, and every control or format character. */
const UNSAFE = /[/\\<>:"|?*\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function truncateBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/** A file-name part made from `text`: unsafe characters become “-”, dots and spaces are trimmed from the ends. */
export function safeNamePart(text: string): string {
  const cleaned = text.normalize('NFC').replace(UNSAFE, '-').replace(/\.{2,}/g, '.').replace(/-{2,}/g, '-');
  const trimmed = truncateBytes(cleaned.replace(/^[\s.-]+|[\s.]+$/gu, ''), MAX_NAME_BYTES).replace(/[\s.]+$/u, '');
  return trimmed === '' ? FALLBACK : trimmed;
}

/** 天津市河西年鉴-2024: the name of the book's files. */
export const bookFileName = (book: Book): string => safeNamePart(`${book.settings.title}-${book.settings.year}`);

/** A template is named by a bare file name under templates/: letters, digits, “-”, “_” and inner dots. */
export const isTemplateName = (name: string): boolean => /^[\p{L}\p{N}_-](?:[\p{L}\p{N}_.-]{0,99})$/u.test(name) && !name.includes('..');
