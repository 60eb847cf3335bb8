/**
 * Reads a manuscript text file into a VFile: UTF-8 (a BOM is dropped, CRLF
 * becomes LF). A file in GB18030/GBK — common from Chinese editors — is
 * detected and reported, never read as mojibake.
 */
import { readFile } from 'node:fs/promises';
import { report, VFile } from '../diagnostics/index.ts';
import { faultReason } from './faults.ts';
import { refusalOf } from './safe-read.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-16, with a BOM or without one (Windows' Notepad "Unicode", some Word
 * exports): its ASCII (the # of headings, spaces, line ends) has a zero byte
 * each, all on one side of the pair. Tried before GB18030, which reads many
 * UTF-16 pairs as hanzi.
 */
function utf16Of(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return Math.max(even, odd) >= 2 && Math.min(even, odd) * 20 <= Math.max(even, odd) && (even + odd) * 50 >= bytes.length ? 'UTF-16' : undefined;
}

function guessEncoding(bytes: Uint8Array): string | undefined {
  const utf16 = utf16Of(bytes);
  if (utf16) return utf16;
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text) ? 'GB18030/GBK' : undefined;
  } catch {
    return undefined;
  }
}

/** The offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing over U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
        : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0) return i;
    // The second byte has its own range (overlongs, surrogates); the rest are continuation bytes.
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The line and column (in characters) of the byte at `offset`, the bytes before it being UTF-8. */
function pointOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  return { line, column: [...before].length + 1 };
}

/** Decodes bytes as UTF-8; undefined (with a message on `file`, at the first byte that is not) when they are not. */
export function decodeManuscriptText(file: VFile, bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    const guess = guessEncoding(bytes);
    const bad = firstInvalidUtf8(bytes);
    report(file, bad < 0 ? undefined : pointOfByte(bytes, bad), 'file-not-utf8', guess ? { guess } : {});
    return undefined;
  }
}

/**
 * Reads `absPath`; the VFile's path is `displayPath` so messages read
 * `manuscript/03-经济.md:120:1`. Only what refusalOf allows is read; `realRoot`
 * (the manuscript folder, resolved) keeps links inside it.
 */
export async function readTextFile(absPath: string, displayPath: string, realRoot?: string): Promise<VFile> {
  const file = new VFile({ path: displayPath });
  try {
    const refused = await refusalOf(absPath, realRoot);
    if (refused) {
      report(file, undefined, ...refused);
      (file.data as { isReadable?: boolean }).isReadable = false;
      return file;
    }
    const bytes = await readFile(absPath);
    const text = decodeManuscriptText(file, bytes);
    file.value = text ?? '';
    (file.data as { isReadable?: boolean }).isReadable = text !== undefined;
  } catch (error) {
    report(file, undefined, 'file-unreadable', { reason: faultReason(error, displayPath, '读取') });
    (file.data as { isReadable?: boolean }).isReadable = false;
  }
  return file;
}

export function isReadable(file: VFile): boolean {
  return (file.data as { isReadable?: boolean }).isReadable !== false;
}
