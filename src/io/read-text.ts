/**
 * Reads a manuscript text file into a VFile: UTF-8 (a BOM is dropped, CRLF
 * becomes LF). A file in GB18030/GBK — common from Chinese editors — is
 * detected and reported, never read as mojibake.
 */
import { readFile } from 'node:fs/promises';
import { report, VFile } from '../diagnostics/index.ts';
import { systemFault } from './faults.ts';
import { refusalOf } from './safe-read.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function guessEncoding(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text) ? 'GB18030/GBK' : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes bytes as UTF-8; undefined (with a message on `file`) when they are not. */
export function decodeManuscriptText(file: VFile, bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    const guess = guessEncoding(bytes);
    report(file, undefined, 'file-not-utf8', guess ? { guess } : {});
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
    report(file, undefined, 'file-unreadable', { reason: systemFault(error, displayPath, '读取').message.replace(/。$/, '') });
    (file.data as { isReadable?: boolean }).isReadable = false;
  }
  return file;
}

export function isReadable(file: VFile): boolean {
  return (file.data as { isReadable?: boolean }).isReadable !== false;
}
