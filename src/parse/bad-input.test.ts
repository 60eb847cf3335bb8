/**
 * Bad manuscript input: each case gives its diagnostic with file and line,
 * never a stack trace.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { checkDir, checkFiles, jpeg, writeManuscript } from '../../test/helpers/manuscript.ts';
import { main } from '../cli/index.ts';
import { CATALOGUE } from '../diagnostics/index.ts';

const part = (body: string) => ({ '01-篇.md': `# 篇\n\n${body}\n` });

describe('bad input', () => {
  test('YAML syntax error in book.yaml', async () => {
    const r = await checkFiles({ 'book.yaml': 'title: [测试\nyear: 2024\n', ...part('## 章\n\n文。') }, false);
    expect(r.messages).toContainEqual(expect.stringMatching(/^book\.yaml \d+:\d+ yaml-syntax error$/));
  });

  test('a footnote in 编辑说明 (front matter sets no notes): a warning at its mark, not a silent loss', async () => {
    const r = await checkFiles({ ...part('## 章\n\n文。'), 'front/01-编辑说明.md': '# 编辑说明\n\n本卷资料截至年底。[^1]\n\n[^1]: 个别数据为快报数。\n' });
    expect(r.messages).toContain('01-编辑说明.md 3:10 footnote-in-front warning');
  });

  test('heading level skipped', async () => {
    const r = await checkFiles(part('### 分目\n\n【条】 文。'));
    expect(r.messages).toContain('01-篇.md 3:1 heading-level-skipped error');
  });

  test('entry outside a chapter', async () => {
    const r = await checkFiles(part('【概况】 文字。'));
    expect(r.messages).toContain('01-篇.md 3:1 entry-outside-chapter error');
  });

  test('missing image', async () => {
    const r = await checkFiles(part('## 章\n\n![图注](photos/none.jpg "某提供")'));
    expect(r.messages).toContain('01-篇.md 5:1 figure-file-missing error');
  });

  test.each(['photos/img_001.jpg', 'photos\\IMG_001.JPG'])('a photo path that differs from the file only in case or slashes (%s) names the file to write', async (src) => {
    const dir = writeManuscript({ ...part(`## 章\n\n![图注](${src} "某提供")`), 'photos/IMG_001.JPG': await jpeg(60, 40) });
    const r = await checkDir(dir);
    expect(r.messages).toContain('01-篇.md 5:1 figure-file-missing error');
    const message = r.files.flatMap((f) => f.messages).find((m) => m.ruleId === 'figure-file-missing')!;
    expect(message.reason).toContain('书稿目录中有 photos/IMG_001.JPG，只是字母大小写或斜杠不同');
  });

  test.each(['../../etc/passwd', '/etc/passwd', 'photos/../../x.jpg'])('image outside the manuscript folder: %s', async (src) => {
    const r = await checkFiles(part(`## 章\n\n![图注](${src} "某提供")`));
    expect(r.messages).toContain('01-篇.md 5:1 figure-outside-manuscript error');
  });

  test('image through a symlink that leads out of the folder', async () => {
    const outside = writeManuscript({ 'real.jpg': await jpeg() }, false);
    const dir = writeManuscript(part('## 章\n\n![图注](photos/link.jpg "某提供")'));
    mkdirSync(join(dir, 'photos'));
    symlinkSync(join(outside, 'real.jpg'), join(dir, 'photos/link.jpg'));
    expect((await checkDir(dir)).messages).toContain('01-篇.md 5:1 figure-outside-manuscript error');
  });

  test('truncated JPEG and a PNG with absurd declared dimensions are unreadable', async () => {
    const good = await jpeg(200, 100);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000fffff000fffff0806000000', 'hex');
    const r = await checkFiles({
      ...part('## 章\n\n![甲](photos/cut.jpg "某提供")\n\n![乙](photos/huge.png "某提供")'),
      'photos/cut.jpg': good.subarray(0, Math.floor(good.length / 2)),
      'photos/huge.png': png,
    });
    expect(r.messages).toContain('01-篇.md 5:1 figure-unreadable error');
    expect(r.messages).toContain('01-篇.md 7:1 figure-unreadable error');
  });

  test('unknown directives, block and inline', async () => {
    const r = await checkFiles(part('## 章\n\n::video{src="a.mp4"}\n\n文字:foo[x]。'));
    expect(r.messages).toContain('01-篇.md 5:1 directive-unknown error');
    expect(r.messages).toContain('01-篇.md 7:3 directive-unknown error');
  });

  test('a GB18030/GBK file is detected and named', async () => {
    const r = await checkFiles({ '01-篇.md': iconv.encode('# 篇\n\n## 章\n\n河西区概况。\n', 'gbk') });
    // At its first byte that is not UTF-8: 章 (GBK's 篇, C6 AA, happens to be a UTF-8 pair).
    expect(r.messages).toContain('01-篇.md 3:4 file-not-utf8 error');
    expect(r.files.find((f) => f.basename === '01-篇.md')!.messages[0]!.reason).toContain('GB18030');
  });

  test('CRLF line ends and a BOM are accepted', async () => {
    const r = await checkFiles({ '01-篇.md': '\uFEFF# 篇\r\n\r\n## 章\r\n\r\n【概况】 河西区。\r\n' });
    expect(r.ruleIds).toEqual([]);
    expect(r.stats.entries).toBe(1);
  });

  test('an empty part', async () => {
    const r = await checkFiles({ '01-篇.md': '# 空篇\n' });
    expect(r.messages).toContain('01-篇.md 1:1 part-empty error');
  });

  test('duplicate entry titles in one chapter are a warning that names the first', async () => {
    const r = await checkFiles(part('## 章\n\n【概况】 甲。\n\n【概况】 乙。'));
    expect(r.messages).toEqual(['01-篇.md 7:1 entry-title-duplicate warning']);
    expect(r.files.find((f) => f.basename === '01-篇.md')!.messages[0]!.reason).toContain('第 5 行');
  });

  test('R-NORM-2: curly quotes nested wrongly or left open are a warning at their paragraph; straight ones nest as “‘’”', async () => {
    const r = await checkFiles(part([
      '## 章', '',
      '【条】获评“老旧社区纠纷”三聚焦“工作法”。', '', // two pairs in turn: well formed (only the original can say ‘’ was meant)
      '组织召开““活力河西·品质之城”消费季”。', '',
      '2023年，老妈妈志愿服务队”开展活动。', '',
      '5日　开展“助力‘十项行动’”专项调研。', '',
      `开展"爱心相'髓','救'在身边"活动。`,
    ].join('\n')));
    const misnested = r.messages.filter((m) => m.includes('quotes-misnested'));
    expect(misnested).toEqual(['01-篇.md 7:1 quotes-misnested warning', '01-篇.md 9:1 quotes-misnested warning']);
    expect(r.messages.filter((m) => m.includes('normalize-quotes-unbalanced'))).toEqual([]);
  });

  test('raw HTML is dropped with a warning; comments are allowed', async () => {
    const r = await checkFiles(part('## 章\n\n<script>alert(1)</script>\n\n<!-- 编者按 -->\n\n正文。'));
    expect(r.messages).toEqual(['01-篇.md 5:1 raw-html warning']);
  });

  test('zero-width and control characters are removed with a warning', async () => {
    const r = await checkFiles(part('## 章\n\n河\u200b西。'));
    expect(r.messages).toEqual(['01-篇.md 5:2 control-character warning']);
  });

  test('ragged table rows are a warning', async () => {
    const r = await checkFiles(part('## 章\n\n::caption[表]\n\n| a | b |\n| - | - |\n| 1 |'));
    expect(r.ruleIds).toContain('table-ragged');
  });

  test('a folder that does not exist, and one with no parts', async () => {
    expect((await checkDir('/nonexistent/manuscript')).ruleIds).toEqual(['manuscript-missing']);
    const empty = writeManuscript({});
    expect((await checkDir(empty)).ruleIds).toEqual(['manuscript-empty']);
  });

  test('the CLI exits 1 with file:line messages and no stack trace', async () => {
    const dir = writeManuscript(part('### 分目'));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const lines: string[] = [];
    const code = await main(['check', dir], (s) => lines.push(s));
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(text).toMatch(/01-篇\.md:3:1: error: .* \[heading-level-skipped\]/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  test('a name list with a name split by a space (韩洪 涛): a warning naming both halves, the names set as typed', async () => {
    const r = await checkFiles(part('## 名单\n\n:::names\n魏瑞江 韩洪 涛 时德 安（女） 李奇（女）\n:::'));
    expect(r.messages.filter((m) => m.includes('name-split'))).toEqual(['01-篇.md 6:1 name-split warning', '01-篇.md 6:1 name-split warning']);
    const list = r.book!.parts[0]!.chapters[0]!.children[0]!;
    expect(list.type === 'nameList' && list.names).toEqual(['魏瑞江', '韩洪', '涛', '时德', '安（女）', '李奇（女）']);
  });

  test('every message uses a catalogued ruleId', async () => {
    const r = await checkFiles(part('### 分目\n\n【】 x\n\n::video\n\n![a](../x.jpg)'));
    for (const id of r.ruleIds) expect(Object.keys(CATALOGUE)).toContain(id);
  });
});
