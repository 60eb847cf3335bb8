/**
 * `nianjian watch` on a new yearbook: an edit is rebuilt into the PDF, and an
 * edit that breaks the manuscript leaves the last good PDF in place; the
 * build's own writes never count as edits.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { until } from '../helpers/lines.ts';

/** "解析 files parsed 1, reused 2 · 排版 parts laid out 1, reused 1 · 排段 paragraphs composed 3, reused 40" → numbers by name. */
function reuse(line: string): Record<'parsed' | 'parsedReused' | 'laidOut' | 'laidOutReused' | 'composed' | 'composedReused', number> {
  const [parsed, parsedReused, laidOut, laidOutReused, composed, composedReused] = line.match(/\d+/g)!.map(Number);
  return { parsed: parsed!, parsedReused: parsedReused!, laidOut: laidOut!, laidOutReused: laidOutReused!, composed: composed!, composedReused: composedReused! };
}

test('watch rebuilds after each edit from cached files, parts and paragraphs, a broken edit keeps the last good PDF, and undoing gives the same bytes', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-watch-')), '书');
  expect(await main(['init', dir], () => {})).toBe(0);
  writeFileSync(join(dir, '02-第二篇.md'), `# 第二篇\n\n## 一章\n\n【一条】 ${'第二篇的正文，这一篇不改。'.repeat(40)}\n\n【二条】 又一段不改的正文。\n`);
  // The output beside the watched folder (inside it is refused, see watch-saves.test.ts): its writes start no builds.
  const out = join(dir, '..', 'output');
  const lines: string[] = [];
  const stop = new AbortController();
  const watching = main(['watch', dir, '--out', out], (s) => lines.push(s), stop.signal);
  const pdfPath = () => join(out, readdirSync(out).find((n) => n.endsWith('.pdf'))!);
  const pdfText = () => execFileSync('pdftotext', [pdfPath(), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  try {
    await until(lines, /^已更新/, 1);
    const firstPdf = readFileSync(pdfPath());
    const part = join(dir, '01-概况.md');
    const original = readFileSync(part, 'utf8');
    appendFileSync(part, '\n监视模式新增的一句话。\n');
    await until(lines, /^已更新/, 2);
    // Only the edited file is parsed and its part laid out again; in it, only the new paragraph is composed.
    const first = reuse(lines.filter((l) => l.startsWith('解析'))[0]!);
    expect(first).toMatchObject({ parsed: 3, parsedReused: 0, laidOut: 2, laidOutReused: 0, composedReused: expect.any(Number) });
    const second = reuse(lines.filter((l) => l.startsWith('解析'))[1]!);
    expect(second).toMatchObject({ parsed: 1, parsedReused: 2, laidOut: 1, laidOutReused: 1 });
    expect(second.composed).toBeGreaterThan(0);
    expect(second.composed).toBeLessThan(second.composedReused / 4);
    expect(lines.filter((l) => l.startsWith('修改 changed'))).toEqual(['修改 changed: 01-概况.md']);
    expect(pdfText()).toContain('监视模式新增的一句话。');
    appendFileSync(join(dir, '01-概况.md'), '\n#### 跳级的标题\n\n又一句不该出现的话。\n');
    await until(lines, /^有问题/, 1);
    expect(lines.join('\n')).toContain('heading-level-skipped');
    expect(pdfText()).toContain('监视模式新增的一句话。');
    expect(pdfText()).not.toContain('又一句不该出现的话');
    // Back to the original text: the same bytes as a build without any cache.
    writeFileSync(part, original);
    await until(lines, /^已更新/, 3);
    expect(readFileSync(pdfPath()).equals(firstPdf)).toBe(true);
    expect(lines.filter((l) => l.startsWith('修改 changed'))).toEqual(Array(3).fill('修改 changed: 01-概况.md'));
  } finally {
    stop.abort();
  }
  expect(await watching).toBe(0);
}, 120_000);

test('watch on a folder that is not there says which and exits 1, with no stack trace', async () => {
  const lines: string[] = [];
  const missing = join(tmpdir(), 'nianjian-watch-no-such-folder');
  expect(await main(['watch', missing], (s) => lines.push(s), new AbortController().signal)).toBe(1);
  expect(lines.join('\n')).toContain('[manuscript-missing]');
  expect(lines.join('\n')).not.toMatch(/\bat \S+ \(/);
});

test('after every edit, the PDF a watch session writes from its caches is byte for byte the PDF of a build from scratch, and the body before the edited part is unchanged', async () => {
  const sample = join(import.meta.dirname, '../../manuscript');
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-watch-same-')), '书');
  cpSync(sample, dir, { recursive: true });
  const parts = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  // Five parts are enough to have pages before and after each edit.
  for (const name of parts.slice(5)) rmSync(join(dir, name));
  const out = join(dir, '..', 'watch-out');
  const lines: string[] = [];
  const stop = new AbortController();
  const watching = main(['watch', dir, '--out', out], (s) => lines.push(s), stop.signal);
  const pageTexts = (folder: string) => execFileSync('pdftotext', [join(folder, readdirSync(folder).find((n) => n.endsWith('.pdf'))!), '-'], { encoding: 'utf8' }).split('\f').map((t) => t.replace(/\s/g, ''));
  const pdfIn = (folder: string) => readFileSync(join(folder, readdirSync(folder).find((n) => n.endsWith('.pdf'))!));
  const manifestIn = (folder: string) => readFileSync(join(folder, readdirSync(folder).find((n) => n.endsWith('-manifest.json'))!));
  const edit = (name: string, change: (text: string) => string) => writeFileSync(join(dir, name), change(readFileSync(join(dir, name), 'utf8')));
  const middle = (text: string) => text.indexOf('。', text.length >> 1);
  const edits: Array<[string, (t: string) => string]> = [
    // A character the book does not have yet, halfway through the second part: later pages are numbered anew.
    [parts[1]!, (t) => `${t.slice(0, middle(t))}，鱻龘𠀋${t.slice(middle(t))}`],
    // Known characters only, in the fourth part.
    [parts[3]!, (t) => `${t.slice(0, middle(t))}，又添一句${t.slice(middle(t))}`],
    // A paragraph deleted from the third part.
    [parts[2]!, (t) => t.replace(/\n\n[^\n#【]{20,}\n/, '\n')],
    // The first edit undone.
    [parts[1]!, (t) => t.replace('，鱻龘𠀋', '')],
  ];
  // A photo replaced by another of the same size: no text moves, but its page must show the new one.
  const photo = readFileSync(join(dir, parts[4]!), 'utf8').match(/\]\((photos\/[^ )]+)/)![1]!;
  const { width, height } = await sharp(join(dir, photo)).metadata();
  const replacement = await sharp({ create: { width: width!, height: height!, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  try {
    await until(lines, /^已更新/, 1);
    for (const [k, [name, change]] of [...edits, [photo, () => replacement] as const].entries()) {
      const before = pageTexts(out);
      if (name === photo) writeFileSync(join(dir, photo), replacement);
      else edit(name, change as (t: string) => string);
      await until(lines, /^已更新|^有问题/, k + 2);
      const clean = mkdtempSync(join(tmpdir(), 'nianjian-clean-'));
      expect(await main(['build', dir, '--out', clean], () => {})).toBe(0);
      expect(pdfIn(out).equals(pdfIn(clean)), `edit ${k + 1} (${name})`).toBe(true);
      // Pages and hashes the session kept make the same manifest too.
      expect(manifestIn(out).equals(manifestIn(clean)), `manifest after edit ${k + 1}`).toBe(true);
      if (name === photo) continue;
      // The body pages before the edited part are the pages they were (only the TOC in front may follow the edit).
      const after = pageTexts(out);
      const title = readFileSync(join(dir, name), 'utf8').match(/^# (.+)$/m)![1]!.replace(/\s/g, '');
      const opener = after.findIndex((t) => t === title);
      const bodyStart = after.findIndex((t) => t === readFileSync(join(dir, parts[0]!), 'utf8').match(/^# (.+)$/m)![1]!.replace(/\s/g, ''));
      expect(opener).toBeGreaterThan(bodyStart);
      expect(after.slice(bodyStart, opener), `edit ${k + 1}`).toEqual(before.slice(bodyStart, opener));
    }
    // The session drew only what changed: the last rebuild kept most pages.
    const kept = lines.filter((l) => l.startsWith('解析')).at(-1)!;
    expect(Number(kept.match(/pages drawn (\d+), kept (\d+)/)![2])).toBeGreaterThan(20);
  } finally {
    stop.abort();
  }
  expect(await watching).toBe(0);
}, 240_000);
