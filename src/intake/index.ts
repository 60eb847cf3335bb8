/**
 * Editorial intake: units' Word submissions and the statistics bureau's
 * spreadsheets → manuscript Markdown, photos, and a report of every place
 * that needs an editor's eye. Pure: bytes in, content and notes out; the
 * command (cli/import.ts) reads and writes the files.
 */
import { importDocx } from './docx-import.ts';
import { NoteList } from './notes.ts';
import { toString } from 'mdast-util-to-string';
import { importCsv } from './csv.ts';
import { DAMAGED_SHARE, damagedMessage, strangeShare } from './damaged.ts';
import { importXlsx } from './sheet.ts';
import { MOST_XML_BYTES, unpackedMessage, xmlBytesOf } from './zip-guard.ts';
import type { Submission } from './submission.ts';

export { toManuscript } from './markdown.ts';
export { formatNote, formatReport, type IntakeNote } from './notes.ts';
export type { Submission } from './submission.ts';

/** The kinds of file the importer reads directly, and those LibreOffice can turn into one of them. */
export const READABLE = ['.docx', '.xlsx', '.csv', '.tsv', '.txt'];
/** Text tables: Excel's CSV, its "Unicode text" (.txt, tab-separated) and .tsv. */
const TEXT_TABLES = ['.csv', '.tsv', '.txt'];
export const CONVERTIBLE: Record<string, string> = { '.doc': 'docx', '.wps': 'docx', '.rtf': 'docx', '.odt': 'docx', '.xls': 'xlsx', '.et': 'xlsx', '.ods': 'xlsx' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** An OLE file holding an "EncryptedPackage" stream is an Office file with a password. */
const isEncrypted = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));

function failed(source: string, kind: string, message: string): Submission {
  const notes = new NoteList(source);
  notes.error(kind, '', message);
  return { source, partTitle: undefined, content: [], photos: [], notes: notes.notes };
}

/** Why a .docx or .xlsx cannot be opened, or undefined when it looks like one. */
function badOffice(bytes: Uint8Array, source: string): Submission | undefined {
  if (bytes.length === 0) return failed(source, 'empty', '文件是空的（0 字节），未导入。请让供稿单位重新发送。');
  if (startsWith(bytes, OLE)) {
    return isEncrypted(bytes)
      ? failed(source, 'password', '文件设有打开密码，无法读取。请让供稿单位取消密码（文件→信息→保护文档）后重新发送。')
      : failed(source, 'old-format', '这是旧版 Office 文件，只是扩展名写成了新版。请用 Word/Excel“另存为”.docx/.xlsx，或改回原扩展名再导入（装有 LibreOffice 时会自动转换）。');
  }
  if (!startsWith(bytes, ZIP)) return failed(source, 'corrupt', '文件已损坏或不是 Word/Excel 文件（开头不是 Office 文件的标志）。请让供稿单位重新发送。');
  return undefined;
}

/** Below this many characters, a share of strange ones says little (a name in Mongolian script, a symbol). */
const GARBAGE_MIN_CHARS = 20;

/**
 * The submission, or an error in its place when its text is mostly strange
 * characters: LibreOffice "converts" random bytes named .wps into pages of
 * Hangul, Yi and private-use characters, which must not reach the book.
 */
function refuseGarbage(s: Submission): Submission {
  const text = toString({ type: 'root', children: s.content });
  const share = strangeShare(text);
  if (text.length < GARBAGE_MIN_CHARS || share <= DAMAGED_SHARE) return s;
  return failed(s.source, 'corrupt', damagedMessage(share, '文件的文字'));
}

export interface ImportOptions {
  /** The name that stands for the submission where it lacks one: the file name without extension. */
  stem: string;
  /** True when the submission goes under a part named by --part. */
  underPart: boolean;
}

/** Imports one file by its extension (.docx, .xlsx or .csv). Never throws for bad input: it becomes an error note. */
export async function importFile(source: string, bytes: Uint8Array, options: ImportOptions): Promise<Submission> {
  const ext = source.toLowerCase().replace(/^.*(\.[^.]+)$/, '$1');
  const bad = TEXT_TABLES.includes(ext) ? undefined : badOffice(bytes, source);
  if (bad) return bad;
  try {
    if (TEXT_TABLES.includes(ext)) return importCsv(bytes, source, options.stem, ext === '.txt');
    const xml = await xmlBytesOf(bytes);
    if (xml > MOST_XML_BYTES) return failed(source, 'too-large', unpackedMessage(xml));
    return refuseGarbage(ext === '.xlsx' ? await importXlsx(bytes, source) : await importDocx(bytes, source, options.stem, options.underPart));
  } catch (error) {
    return failed(source, 'corrupt', `文件已损坏，无法读取（${error instanceof Error ? error.message : String(error)}）。请让供稿单位用 Word/Excel 重新保存后发送。`);
  }
}
