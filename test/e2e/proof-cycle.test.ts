/**
 * The proofreading cycle (issue 23), built by the CLI and read back from the
 * PDFs with pdf.js: a proof, three paragraphs edited in two parts (one edit
 * long enough to move a page break), a proof against the first one's
 * manifest (--since) with change bars exactly beside the changed lines; a
 * proof with no edit has none. Open queries stop a final build and leave the
 * last good PDF; --allow-queries builds and lists them.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';

const FILLER = '河西区各部门围绕年度目标，统筹推进重点工作，完善工作机制，强化督促检查，各项任务稳步落实。';

/** A part of `entries` entries of four sentences each; entry `i` names itself so an edit can find it. */
function part(title: string, entries: number): string {
  const body = Array.from({ length: entries }, (_, i) => `【${title}工作${i + 1}】 第${i + 1}项。${FILLER.repeat(4)}`).join('\n\n');
  return `# ${title}\n\n## 综述\n\n${body}\n`;
}

interface Bar { page: number; x: number; top: number; bottom: number; width: number }
interface TextRow { page: number; y: number; text: string }

/** Stroked vertical rules of the proof marks' widths (change bars 1.2 pt, moved marks 0.4 pt), in page coordinates (y down). */
async function readProof(path: string): Promise<{ bars: Bar[]; moved: number[]; rows: TextRow[]; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const bars: Bar[] = [];
  const moved: number[] = [];
  const rows: TextRow[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3]!;
    const ops = await page.getOperatorList();
    let width = 1;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.setLineWidth) width = args[0] as number;
      if (fn !== OPS.constructPath) return;
      const [minX, minY, maxX, maxY] = Array.from(args[2] as ArrayLike<number>);
      if (Math.abs(maxX! - minX!) > 0.01 || maxY! - minY! < 1) return;
      if (Math.abs(width - 1.2) < 0.01) bars.push({ page: n, x: minX!, top: minY!, bottom: maxY!, width });
      if (Math.abs(width - 0.4) < 0.01) moved.push(n);
    });
    const content = await page.getTextContent();
    const byY = new Map<number, string>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round((height - item.transform[5]) * 10) / 10;
      byY.set(y, (byY.get(y) ?? '') + item.str);
    }
    for (const [y, text] of byY) rows.push({ page: n, y, text });
  }
  return { bars, moved: [...new Set(moved)], rows, pages: doc.numPages };
}

/** The body text rows a bar stands beside: the baseline inside its span. */
const besideBar = (rows: TextRow[], bar: Bar) => rows.filter((r) => r.page === bar.page && r.y > bar.top && r.y < bar.bottom && r.text.length > 6);

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('proofs against an earlier proof (--since)', () => {
  test('bars exactly on changed lines; the report names changed and moved pages; no edit, no bars', async () => {
    const dir = writeManuscript({ '01-综合.md': part('综合', 40), '02-经济.md': part('经济', 40) });
    const out = join(dir, 'out');
    const first = await cli(['build', dir, '--out', out, '--round', '一校']);
    expect(first.code, first.out).toBe(0);
    const pdf1 = join(out, '测试年鉴-2024-校样-一校.pdf');
    const manifest1 = join(out, '测试年鉴-2024-校样-一校-manifest.json');
    expect(existsSync(pdf1) && existsSync(manifest1)).toBe(true);
    expect(existsSync(join(out, '测试年鉴-2024-校样-一校-report.html'))).toBe(true);
    const before = await readProof(pdf1);
    expect(before.bars).toEqual([]);

    // No edit: a second round against the first has no bars and no moved pages.
    const same = await cli(['build', dir, '--out', out, '--round', '二校', '--since', manifest1]);
    expect(same.code, same.out).toBe(0);
    const unchanged = await readProof(join(out, '测试年鉴-2024-校样-二校.pdf'));
    expect(unchanged.bars).toEqual([]);
    expect(unchanged.moved).toEqual([]);
    expect(same.out).toContain('改动 changed pages: 无 · 仅移动 moved pages: 无');

    // Three edits in two parts: two of equal length (one line each), one that adds three lines early in part 1.
    const p1 = readFileSync(join(dir, '01-综合.md'), 'utf8')
      .replace('【综合工作3】 第3项。河西区各部门', '【综合工作3】 第3项。河西区各单位')
      .replace('【综合工作30】 第30项。', `【综合工作30】 第30项。${'新增内容须重新校对。'.repeat(7)}`);
    const p2 = readFileSync(join(dir, '02-经济.md'), 'utf8').replace('【经济工作20】 第20项。河西区各部门', '【经济工作20】 第20项。河西区各街道');
    writeFileSync(join(dir, '01-综合.md'), p1);
    writeFileSync(join(dir, '02-经济.md'), p2);
    const edited = await cli(['build', dir, '--out', out, '--round', '三校', '--since', manifest1]);
    expect(edited.code, edited.out).toBe(0);
    const after = await readProof(join(out, '测试年鉴-2024-校样-三校.pdf'));

    // Each bar stands beside one text line, and the lines barred are exactly the lines whose text is new.
    const barred = after.bars.map((b) => besideBar(after.rows, b));
    expect(barred.every((rows) => rows.length === 1)).toBe(true);
    const barredText = barred.map((rows) => rows[0]!.text);
    expect(barredText.some((t) => t.includes('各单位'))).toBe(true);
    expect(barredText.some((t) => t.includes('各街道'))).toBe(true);
    const added = after.rows.filter((r) => r.text.includes('新增内容') || r.text.includes('重新校对'));
    expect(added.length).toBeGreaterThanOrEqual(3);
    for (const row of added) expect(after.bars.some((b) => besideBar(after.rows, b)[0] === row)).toBe(true);
    // No other line is barred: every barred line holds an edit, or is a line of the lengthened paragraph after it.
    const oldRows = new Set(before.rows.map((r) => r.text));
    for (const text of barredText) expect(oldRows.has(text)).toBe(false);
    expect(after.bars.length).toBe(2 + new Set(barred.filter((rows) => !/各单位|各街道/.test(rows[0]!.text)).map((rows) => rows[0])).size);

    // Bars in the outer margin: right of the type area on rectos (odd physical pages), left on versos.
    for (const bar of after.bars) {
      const textX = after.rows.filter((r) => r.page === bar.page);
      expect(textX.length).toBeGreaterThan(0);
      expect(bar.page % 2 === 1 ? bar.x > 500 : bar.x < 100).toBe(true);
    }

    // The page break moved: pages after the long edit only moved; the report says which.
    expect(after.moved.length).toBeGreaterThan(0);
    const changedPages = [...new Set(after.bars.map((b) => b.page))];
    for (const page of after.moved) expect(changedPages).not.toContain(page);
    const report = readFileSync(join(out, '测试年鉴-2024-校样-三校-report.html'), 'utf8');
    expect(report).toMatch(/改动的页（\d+）/);
    expect(report).toMatch(/仅版面移动的页（[1-9]\d*）/);
    // Earlier rounds' PDFs and reports are kept beside the new one.
    expect(statSync(join(out, '测试年鉴-2024-校样-一校-report.html')).size).toBeGreaterThan(0);
  }, 240_000);
});

describe('open queries', () => {
  const manuscript = () => writeManuscript({
    '01-综合.md': '# 综合\n\n## 综述\n\n【人口】 全区常住人口:q[2023年末数是否核定？]{to="区统计局"}82.7万人。\n\n:::query{to="区教育局"}\n学校数请核对。\n:::\n',
  });

  test('a final build fails naming each query by file:line and unit, and leaves the last good PDF; --allow-queries builds and lists them', async () => {
    const dir = manuscript();
    const out = join(dir, 'out');
    const pdf = join(out, '测试年鉴-2024.pdf');
    const good = await cli(['build', dir, '--out', out, '--allow-queries']);
    expect(good.code, good.out).toBe(0);
    const bytes = readFileSync(pdf);
    const refused = await cli(['build', dir, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/01-综合\.md:5:\d+: error: 存疑未答（存疑1，问区统计局）：2023年末数是否核定？.*\[query-open\]/);
    expect(refused.out).toMatch(/01-综合\.md:7:1: error: 存疑未答（存疑2，问区教育局）：学校数请核对。.*\[query-open\]/);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    const report = readFileSync(join(out, '测试年鉴-2024-report.html'), 'utf8');
    expect(report).toContain('本次生成失败');
    const allowed = await cli(['build', dir, '--out', out, '--allow-queries']);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('存疑 queries: 2 条未答');
    const listed = readFileSync(join(out, '测试年鉴-2024-report.html'), 'utf8');
    expect(listed).toContain('存疑（未答）（2）');
    expect(listed).toContain('问区统计局');
  }, 120_000);

  test('nianjian queries groups them by unit', async () => {
    const r = await cli(['queries', manuscript()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/区统计局（1 条）\n {2}存疑1\t.*01-综合\.md:5\t2023年末数是否核定？\n\n区教育局（1 条）\n {2}存疑2\t.*01-综合\.md:7\t学校数请核对。/);
  });
});
