/**
 * The first pages keep every character of what book.yaml gives them (R-YB-1):
 * a title, a compiler or a committee member's name longer than its line
 * turns over or takes more room; none was cut (a tester's 16-character title
 * lost 年鉴, a name with its note lost all after "自 2023").
 */
import { expect, test } from 'vitest';
import type { DisplayItem } from '../../src/layout/index.ts';
import { VALID_BOOK_YAML, writeManuscript } from '../helpers/manuscript.ts';
import { setBook } from '../helpers/set-book.ts';

const TITLE = '中国共产党天津市河西区委员会年鉴';
const COMPILER = '中共天津市河西区委党史研究室与天津市河西区地方志编修委员会办公室联合编纂组';
const NAMES = ['某甲', '穆生军（回族，自2023年11月22日起任职）', '某乙', '王伟（女，民进）', '李四'];

const textOf = (items: readonly DisplayItem[]): string =>
  items.map((i) => (i.kind === 'glyphs' ? i.glyphs.toArray().map((g) => g.text).join('') : i.kind === 'group' ? textOf(i.items) : '')).join('');

test('a long title, compiler and committee name are set whole, inside the type area', async () => {
  const book = VALID_BOOK_YAML.replace('title: 测试年鉴', `title: ${TITLE}`).replace('compiler: 测试编者', `compiler: ${COMPILER}`)
    + `committee:\n  title: 编辑委员会\n  members:\n    - { role: 委员, names: [${NAMES.join(', ')}] }\n`;
  const dir = writeManuscript({ 'book.yaml': book, '01-篇.md': '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n' });
  const { paged } = await setBook(dir);
  const titlePage = paged.pages.find((p) => p.kind === 'title')!;
  const text = textOf(titlePage.items).replace(/\s/g, '');
  expect(text).toContain(TITLE);
  expect(text).toContain(`${COMPILER}编`);
  const committee = paged.pages.find((p) => textOf(p.items).includes('编辑委员会'))!;
  const names = textOf(committee.items).replace(/\s/g, '');
  for (const name of NAMES) expect(names).toContain(name);
  // No name runs into the next one on its row (a name wider than its cell overprinted the next).
  const spans = committee.items.flatMap((i) => (i.kind === 'glyphs' ? [{ y: i.y, left: i.x, right: i.x + Math.max(...i.glyphs.toArray().map((g) => g.xPt + g.advanceEm * g.sizePt)) }] : []));
  for (const a of spans) for (const b of spans) if (a !== b && a.y === b.y && a.left < b.left) expect(a.right).toBeLessThanOrEqual(b.left + 0.01);
});
