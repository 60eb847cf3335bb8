/**
 * Change bars beside every kind of printed text (issue 23), read back from
 * the PDFs with pdf.js: a proof, then a heading, an entry title, a figure
 * caption, a table cell and a footnote edited and one paragraph deleted, and a proof
 * against the first one's manifest (--since). The bars stand exactly beside
 * the edited lines, the deletion mark (a short red stroke from the margin)
 * where the deleted paragraph stood, between the lines that remain around
 * it; the report names the pages and the deleted text. A proof with no edit
 * has neither bars nor deletion marks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeManuscript } from '../helpers/manuscript.ts';
import { besideBar, cli, readProof } from '../helpers/proof-pdf.ts';

const FILLER = '河西区各部门围绕年度目标，统筹推进重点工作，完善工作机制，强化督促检查，各项任务稳步落实。';
const PHOTO = readFileSync(join(import.meta.dirname, '../../manuscript/photos/p05-001.jpg'));
const DELETED = '这一段在二校时删去，它前后的段落都留着。';

const entry = (n: number, sentences = 4) => `【综合工作${n}】 第${n}项。${FILLER.repeat(sentences)}`;

/** Headings, entries, a photo with its caption and credit, a table with its title, and a paragraph to delete. */
const MANUSCRIPT = [
  '# 综合', '## 综述', ...[1, 2, 3, 4, 5].map((n) => entry(n)),
  '### 基本情况', entry(6), entry(7),
  '![3月7日，党的二十大代表面向青少年开展宣讲](photos/a.jpg "区委宣传部提供")',
  entry(8),
  '::caption[2023年主要经济指标（单位：亿元）]',
  '| 指标 | 2022年 | 2023年 |\n| --- | ---: | ---: |\n| 地区生产总值 | 1098.6 | 1154.2 |\n| 一般公共预算收入 | 75.3 | 77.7 |\n| 社会消费品零售总额 | 410.2 | 425.8 |',
  entry(9), entry(10, 2), `${DELETED}${FILLER.repeat(2)}`, entry(11), `${entry(12, 2)}[^1]`, ...[13, 14, 15, 16].map((n) => entry(n)),
  '[^1]: 数据来源：区统计局年度快报。',
].join('\n\n');

describe('change bars beside headings, captions and table cells; deletion marks (issue 23)', () => {
  test('each edited line is barred (an entry title on its run-in line R-YB-2, a caption with its credit R-YB-5), the deleted paragraph is marked where it stood, the report names the pages', async () => {
    const dir = writeManuscript({ '01-综合.md': `${MANUSCRIPT}\n`, 'photos/a.jpg': PHOTO });
    const out = join(dir, 'out');
    const pdf = (round: string) => join(out, `测试年鉴-2024-校样-${round}.pdf`);
    const first = await cli(['build', dir, '--out', out, '--round', '一校']);
    expect(first.code, first.out).toBe(0);
    const manifest = join(out, '测试年鉴-2024-校样-一校-manifest.json');

    // No edit: no bars, no deletion marks, nothing in the report's deletions.
    const same = await cli(['build', dir, '--out', out, '--round', '二校', '--since', manifest]);
    expect(same.code, same.out).toBe(0);
    const unchanged = await readProof(pdf('二校'));
    expect(unchanged.bars).toEqual([]);
    expect(unchanged.deletions).toEqual([]);
    expect(same.out).toContain('改动 changed pages: 无 · 仅移动 moved pages: 无');
    expect(same.out).not.toContain('删除');

    const file = join(dir, '01-综合.md');
    const edited = readFileSync(file, 'utf8')
      .replace('### 基本情况', '### 基本概况')
      .replace('【综合工作3】', '【综合事务3】')
      .replace('面向青少年开展宣讲', '面向中学生开展宣讲')
      .replace('| 1154.2 |', '| 1160.5 |')
      .replace('数据来源：区统计局年度快报。', '数据来源：区发展改革委年度快报。')
      .replace(`${DELETED}${FILLER.repeat(2)}\n\n`, '');
    writeFileSync(file, edited);
    const again = await cli(['build', dir, '--out', out, '--round', '三校', '--since', manifest]);
    expect(again.code, again.out).toBe(0);
    const after = await readProof(pdf('三校'));

    // Every bar beside one line, and the lines barred are exactly the edited ones.
    const barred = after.bars.map((b) => besideBar(after.rows, b));
    expect(barred.map((rows) => rows.length)).toEqual(after.bars.map(() => 1));
    const rowOf = (re: RegExp) => {
      const found = after.rows.filter((r) => re.test(r.text.replace(/\s/g, '')));
      expect(found, String(re)).toHaveLength(1);
      return found[0]!;
    };
    const heading = rowOf(/^基本概况$/);
    const title = rowOf(/^【综合事务3】/);
    const caption = rowOf(/面向中学生开展宣讲/);
    const cell = rowOf(/^地区生产总值1098\.61160\.5$/);
    const footnote = rowOf(/数据来源：区发展改革委年度快报。$/);
    expect(new Set(barred.map((rows) => rows[0]))).toEqual(new Set([heading, title, caption, cell, footnote]));
    expect(after.bars).toHaveLength(5);
    for (const bar of after.bars) expect(bar.x < 50 || bar.x > 545).toBe(true);

    // One deletion mark: in the margin on its column's side, just under the last line of 【综合工作10】,
    // above the next line of that column (the first of 【综合工作11】, the paragraph between them deleted).
    expect(after.deletions).toHaveLength(1);
    const mark = after.deletions[0]!;
    const reading = [...after.rows].sort((a, b) => a.page - b.page || a.column - b.column || a.y - b.y);
    const next = reading.findIndex((r) => /^【综合工作11】/.test(r.text.replace(/\s/g, '')));
    const before = reading[next - 1]!;
    expect(before.text.trim()).toMatch(/落实。$/);
    expect(mark.page).toBe(before.page);
    expect(mark.y).toBeGreaterThan(before.y);
    expect(mark.y).toBeLessThan(reading[next]!.page === before.page && reading[next]!.column === before.column ? reading[next]!.y - 10 : before.y + 10);
    expect(before.column === 0 ? mark.x2 < 50 : mark.x1 > 545).toBe(true);

    // The report names the changed pages (the deletion's among them) and the deleted text by its first characters.
    const pages = [...new Set([...after.bars.map((b) => b.page), mark.page])].sort((a, b) => a - b);
    const report = readFileSync(join(out, '测试年鉴-2024-校样-三校-report.html'), 'utf8');
    const changed = /改动的页（(\d+)）：<\/strong>([^。<]*)/.exec(report);
    expect(changed?.[1]).toBe(String(pages.length));
    // Body pages are numbered from 1 after the front matter: the PDF's page n is body page n - front.
    const front = pages[0]! - Number(changed![2]!.split('、')[0]);
    expect(changed![2]!.split('、').map((p) => Number(p) + front)).toEqual(pages);
    expect(report).toContain(`第 ${mark.page - front} 页：删除“这一段在二校时删去，它前后的段落……”`);
    expect(again.out).toContain(`删除 deleted: 第 ${mark.page - front} 页“这一段在二校时删……”`);
  }, 240_000);
});
