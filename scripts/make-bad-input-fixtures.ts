/**
 * Writes test/fixtures/bad-input/: one small manuscript per kind of bad
 * input, with expected.json naming the exit code and the rule ids the build
 * must report (issue 9). Binary cases (GBK text, broken images, a symlink
 * out of the folder) are made here so they can be reviewed and remade.
 *
 *   npx tsx scripts/make-bad-input-fixtures.ts
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { VALID_BOOK_YAML } from '../test/helpers/manuscript.ts';

const ROOT = join(import.meta.dirname, '../test/fixtures/bad-input');

type Files = Record<string, string | Uint8Array>;
interface Case {
  files: Files;
  /** 1: errors, nothing written; 0: built, with warnings. */
  exit: 0 | 1;
  rules: string[];
  book?: string | false;
}

const part = (body: string) => ({ '01-篇.md': `# 区情概览\n\n## 综述\n\n${body}\n` });
const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#888' } }).jpeg().toBuffer();
const hugePng = Buffer.from('89504e470d0a1a0a0000000d49484452000fffff000fffff0806000000', 'hex');

const CASES: Record<string, Case> = {
  'yaml-malformed': { files: part('【概况】 文字。'), book: 'title: [天津市\nyear: 2024\n', exit: 1, rules: ['yaml-syntax'] },
  'yaml-wrong-types': { files: part('【概况】 文字。'), book: VALID_BOOK_YAML.replace('year: 2024', 'year: 二〇二四').replace('fold: 16', 'fold: 十六'), exit: 1, rules: ['config-invalid-value'] },
  'isbn-invalid': { files: part('【概况】 文字。'), book: VALID_BOOK_YAML.replace('1572-9', '1572-3'), exit: 1, rules: ['isbn-invalid'] },
  'encoding-gbk': { files: { '01-篇.md': iconv.encode('# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n', 'gbk') }, exit: 1, rules: ['file-not-utf8'] },
  'crlf-bom': { files: { '01-篇.md': '\uFEFF# 区情概览\r\n\r\n## 综述\r\n\r\n【概况】 河西区位于天津市区东南部。\r\n' }, exit: 0, rules: [] },
  'image-missing': { files: part('【概况】 文字。\n\n![图注](photos/none.jpg "某某提供")'), exit: 1, rules: ['figure-file-missing'] },
  'image-path-parent': { files: part('【概况】 文字。\n\n![图注](../../etc/passwd "某某提供")'), exit: 1, rules: ['figure-outside-manuscript'] },
  'image-path-absolute': { files: part('【概况】 文字。\n\n![图注](/etc/passwd "某某提供")'), exit: 1, rules: ['figure-outside-manuscript'] },
  'image-symlink-out': { files: part('【概况】 文字。\n\n![图注](photos/link.jpg "某某提供")'), exit: 1, rules: ['figure-outside-manuscript'] },
  'image-truncated-jpeg': { files: { ...part('【概况】 文字。\n\n![图注](photos/cut.jpg "某某提供")'), 'photos/cut.jpg': jpeg.subarray(0, jpeg.length >> 1) }, exit: 1, rules: ['figure-unreadable'] },
  'image-huge-png': { files: { ...part('【概况】 文字。\n\n![图注](photos/huge.png "某某提供")'), 'photos/huge.png': hugePng }, exit: 1, rules: ['figure-unreadable'] },
  'directive-unknown': { files: part('【概况】 文字。\n\n::video{src="a.mp4"}'), exit: 1, rules: ['directive-unknown'] },
  'heading-level-skip': { files: { '01-篇.md': '# 区情概览\n\n### 分目\n\n【概况】 文字。\n' }, exit: 1, rules: ['heading-level-skipped'] },
  'raw-html-script': { files: part('【概况】 文字。\n\n<script>alert("x")</script>'), exit: 0, rules: ['raw-html'] },
  'paragraph-100k': { files: part(`【长段】 ${'河西区推进高质量发展，'.repeat(10_000)}`), exit: 0, rules: ['paragraph-too-long'] },
  'table-ragged': { files: part('::caption[表]\n\n| 甲 | 乙 | 丙 |\n| - | - | - |\n| 1 |\n| 1 | 2 | 3 | 4 |'), exit: 0, rules: ['table-ragged'] },
  'table-1000-columns': {
    files: part(`::caption[宽表]\n\n| ${Array.from({ length: 1000 }, (_, i) => `列${i}`).join(' | ')} |\n| ${Array(1000).fill('-').join(' | ')} |\n| ${Array.from({ length: 1000 }, (_, i) => String(i)).join(' | ')} |`),
    exit: 0, rules: ['table-too-wide'],
  },
  'control-characters': { files: part('【概况】 河\u200b西\u0007区\u200d位于\uFEFF天津。'), exit: 0, rules: ['control-character'] },
  'glyph-no-font': { files: part('【概况】 罕见字𪛖。'), exit: 0, rules: ['glyph-missing'] },
  'manuscript-empty': { files: {}, exit: 1, rules: ['manuscript-empty'] },
};

rmSync(ROOT, { recursive: true, force: true });
for (const [name, c] of Object.entries(CASES)) {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  const files: Files = c.book === false ? c.files : { 'book.yaml': c.book ?? VALID_BOOK_YAML, ...c.files };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  if (name === 'image-symlink-out') {
    mkdirSync(join(dir, 'photos'), { recursive: true });
    symlinkSync('/etc/hostname', join(dir, 'photos/link.jpg'));
  }
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ exit: c.exit, rules: c.rules }, null, 2)}\n`);
}
console.log(`${Object.keys(CASES).length} bad-input fixtures in ${ROOT}`);
