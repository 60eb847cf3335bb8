/**
 * The proofreading cycle (issue 23), built by the CLI and read back from the
 * PDFs with pdf.js: a proof, three paragraphs edited in two parts (one edit
 * long enough to move a page break), a proof against the first one's
 * manifest (--since) with change bars exactly beside the changed lines; a
 * proof with no edit has none. Open queries stop a final build and leave the
 * last good PDF; --allow-queries builds and lists them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeManuscript } from '../helpers/manuscript.ts';
import { type Bar, besideBar as besideAny, cli, readProof, type TextRow } from '../helpers/proof-pdf.ts';

const FILLER = '河西区各部门围绕年度目标，统筹推进重点工作，完善工作机制，强化督促检查，各项任务稳步落实。';

/** A part of `entries` entries of four sentences each; entry `i` names itself so an edit can find it. */
function part(title: string, entries: number): string {
  const body = Array.from({ length: entries }, (_, i) => `【${title}工作${i + 1}】 第${i + 1}项。${FILLER.repeat(4)}`).join('\n\n');
  return `# ${title}\n\n## 综述\n\n${body}\n`;
}

/** The body text rows beside a bar (a row of a few characters is a margin note's). */
const besideBar = (rows: TextRow[], bar: Bar) => besideAny(rows, bar).filter((r) => r.text.length > 6);

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
    expect(before.deletions).toEqual([]);

    // No edit: a second round against the first has no bars and no moved pages.
    const same = await cli(['build', dir, '--out', out, '--round', '二校', '--since', manifest1]);
    expect(same.code, same.out).toBe(0);
    const unchanged = await readProof(join(out, '测试年鉴-2024-校样-二校.pdf'));
    expect(unchanged.bars).toEqual([]);
    expect(unchanged.deletions).toEqual([]);
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

    // Each bar stands beside one text line, and the lines barred are exactly the changed lines: the line of
    // each equal-length edit, and every line of the lengthened paragraph (its text moved on from its first line).
    const barred = after.bars.map((b) => besideBar(after.rows, b));
    expect(barred.every((rows) => rows.length === 1)).toBe(true);
    const reading = [...after.rows].sort((a, b) => a.page - b.page || a.column - b.column || a.y - b.y);
    const from = reading.findIndex((r) => /【综合工作\s*30】/.test(r.text));
    const to = reading.findIndex((r) => /【综合工作\s*31】/.test(r.text));
    const lengthened = reading.slice(from, to);
    expect(lengthened.length).toBeGreaterThan(8);
    const expected = new Set([...reading.filter((r) => /各单位|各街道/.test(r.text)), ...lengthened]);
    expect(expected.size).toBe(lengthened.length + 2);
    expect(new Set(barred.map((rows) => rows[0]))).toEqual(expected);
    expect(after.bars).toHaveLength(expected.size);

    // Bars in the margins, outside the type area (never in the gutter).
    for (const bar of after.bars) expect(bar.x < 50 || bar.x > 545).toBe(true);

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

describe('--since a git revision', () => {
  test('the manuscript at that revision is laid out again and compared: the same bars as against its proof\'s manifest', async () => {
    const dir = writeManuscript({ '01-综合.md': part('综合', 12) });
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'v1', '--allow-empty');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'v2');
    const out = join(dir, '..', `${dir.split('/').at(-1)}-out`);
    expect((await cli(['build', dir, '--out', out, '--round', '一校'])).code).toBe(0);
    const file = join(dir, '01-综合.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('【综合工作5】 第5项。河西区各部门', '【综合工作5】 第5项。河西区各单位'));
    const byGit = await cli(['build', dir, '--out', out, '--round', '二校', '--since', 'HEAD']);
    expect(byGit.code, byGit.out).toBe(0);
    const gitBars = (await readProof(join(out, '测试年鉴-2024-校样-二校.pdf'))).bars;
    const byManifest = await cli(['build', dir, '--out', out, '--round', '三校', '--since', join(out, '测试年鉴-2024-校样-一校-manifest.json')]);
    expect(byManifest.code, byManifest.out).toBe(0);
    const manifestBars = (await readProof(join(out, '测试年鉴-2024-校样-三校.pdf'))).bars;
    expect(gitBars).toHaveLength(1);
    expect(gitBars).toEqual(manifestBars);
    const bad = await cli(['build', dir, '--out', out, '--draft', '--since', 'no-such-revision']);
    expect(bad.code).toBe(2); // the command line's mistake
    expect(bad.out).toMatch(/--since no-such-revision 无法读取：不是书稿目录所在 git 库中的版本.*\[since-unreadable\]/);
  }, 120_000);
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
