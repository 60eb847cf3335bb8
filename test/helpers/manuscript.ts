/**
 * Builds small manuscripts on disk for tests and runs the real io → parse
 * path on them, returning the model and the messages as `file line:col ruleId`.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkManuscript, type CheckResult } from '../../src/build/index.ts';
import { severityOf } from '../../src/diagnostics/index.ts';
import { readManuscript } from '../../src/io/index.ts';

export const VALID_BOOK_YAML = `title: 测试年鉴
year: 2024
compiler: 测试编者
publisher:
  name: 测试出版社
  city: 郑州
  address: 郑州市某路1号
  postcode: "450016"
  phone: 0371-00000000
printer: 测试印务有限公司
isbn: 978-7-5738-1572-9
cip:
  description: "测试年鉴. 2024 / 测试编者编. -- 郑州 : 测试出版社, 2024. 11. -- ISBN 978-7-5738-1572-9"
  classification: Ⅰ. Z522.13
  record_number: 2024D0350H
format:
  paper: 889 mm×1194 mm
  fold: 16
edition: { number: 1, date: 2024-11 }
printing: { number: 1, date: 2024-11 }
price: 268.00元
editors: { responsible: 甲, proofreader: 乙 }
build_date: 2024-11-01
`;

export type Files = Record<string, string | Uint8Array>;

/** Writes `files` (paths relative to the manuscript folder) into a new temporary folder. */
export function writeManuscript(files: Files, withBookYaml = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-'));
  const all: Files = withBookYaml && !('book.yaml' in files) ? { 'book.yaml': VALID_BOOK_YAML, ...files } : files;
  for (const [rel, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

export interface Checked extends CheckResult {
  /** `name line:col ruleId severity`, name being the file's base name. */
  messages: string[];
  ruleIds: string[];
}

export async function checkDir(dir: string): Promise<Checked> {
  const read = await readManuscript(dir);
  const result = checkManuscript(read.files, read.all);
  const messages = result.files.flatMap((f) =>
    f.messages.map((m) => `${f.basename} ${m.line ?? 0}:${m.column ?? 0} ${m.ruleId} ${severityOf(m)}`),
  );
  return { ...result, messages, ruleIds: result.files.flatMap((f) => f.messages.map((m) => String(m.ruleId))) };
}

export async function checkFiles(files: Files, withBookYaml = true): Promise<Checked> {
  return checkDir(writeManuscript(files, withBookYaml));
}

/** A valid JPEG of `w`×`h` grey pixels. */
export async function jpeg(w = 40, h = 30): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: w, height: h, channels: 3, background: '#888' } }).jpeg().toBuffer();
}
