/**
 * `nianjian watch` as editors save: ten saves in the ways editors make them
 * atomic (a temporary file renamed over the original; vim's rename-away and
 * write anew; JetBrains' safe write) are each seen as one change of the one
 * file, never missed, on every Node this machine has that the project
 * supports (the pinned one and the system's). An output folder inside the
 * manuscript is refused before anything is built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { outInsideManuscript } from '../../src/cli/watch.ts';
import { startCli } from '../helpers/cli-process.ts';
import { until } from '../helpers/lines.ts';

/** Each editor's way of replacing `file` with `text` without ever leaving it half-written. */
const SAVES: Record<string, (file: string, text: string) => void> = {
  'temporary file, then rename (write-file-atomic, nianjian itself)': (file, text) => {
    writeFileSync(`${file}.tmp-${process.pid}`, text);
    renameSync(`${file}.tmp-${process.pid}`, file);
  },
  'hidden temporary file, then rename (gedit, GIO)': (file, text) => {
    const temporary = join(file, '..', '.goutputstream-A1B2C3');
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  },
  'rename away, write anew, remove the backup (vim)': (file, text) => {
    renameSync(file, `${file}~`);
    writeFileSync(file, text);
    rmSync(`${file}~`);
  },
  'safe write (JetBrains)': (file, text) => {
    writeFileSync(`${file}___jb_tmp___`, text);
    renameSync(file, `${file}___jb_old___`);
    renameSync(`${file}___jb_tmp___`, file);
    rmSync(`${file}___jb_old___`);
  },
};

/** This test's Node and the system's, when that is another version (Node 20's recursive fs.watch missed such saves). */
function nodes(): string[] {
  const version = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const found = [process.execPath, '/usr/bin/node'].filter((n) => existsSync(n));
  return found.filter((n, i) => found.findIndex((m) => version(m) === version(n)) === i);
}

test.each(nodes())('ten editor-style saves in a row are ten changes of the one file, and the last is in the PDF (Node at %s)', async (node) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-saves-')), '书');
  expect(await main(['init', dir], () => {})).toBe(0);
  const out = join(dir, '..', 'output');
  const part = join(dir, '01-概况.md');
  const original = readFileSync(part, 'utf8');
  const cli = startCli(['watch', dir, '--out', out], node);
  try {
    await until(cli.lines, /^已更新/, 1);
    const styles = Object.values(SAVES);
    for (let k = 1; k <= 10; k++) {
      styles[k % styles.length]!(part, `${original}\n第${k}次保存的句子。\n`);
      await until(cli.lines, /^修改 changed/, k);
    }
    const changes = cli.lines.filter((l) => l.startsWith('修改 changed'));
    expect(changes).toEqual(Array(10).fill('修改 changed: 01-概况.md'));
    // A build after the last change shows it (one under way when it came may still end first, with the save before).
    const pdfText = () => {
      const pdf = readdirSync(out).find((n) => n.endsWith('.pdf'));
      return pdf ? execFileSync('pdftotext', [join(out, pdf), '-'], { encoding: 'utf8' }).replace(/\s/g, '') : '';
    };
    let text = pdfText();
    for (let waited = 0; !text.includes('第10次保存') && waited < 60_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      text = pdfText();
    }
    expect(text).toContain('第10次保存的句子。');
    expect(text).not.toContain('第9次保存');
    expect(cli.lines.filter((l) => l.startsWith('已更新')).length).toBeLessThanOrEqual(11);
  } finally {
    cli.signal('SIGTERM');
  }
  const { code } = await cli.exited;
  expect(code).toBe(0);
  expect(cli.stderr()).not.toMatch(/\n\s+at \S+ \(/);
}, 180_000);

test('watch and preview refuse an output folder inside the manuscript (also through a symbolic link), naming it, before building anything; the book\'s own output/ is allowed (issue 22)', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-out-inside-')), '书');
  expect(await main(['init', dir], () => {})).toBe(0);
  mkdirSync(join(dir, 'photos', 'out'), { recursive: true });
  const link = join(dir, '..', 'link-out');
  symlinkSync(join(dir, 'photos', 'out'), link);
  for (const out of [dir, join(dir, 'photos', 'out', 'deeper'), link]) {
    for (const command of [['watch'], ['preview', '--port', '0']]) {
      const lines: string[] = [];
      expect(await main([command[0]!, dir, '--out', out, ...command.slice(1)], (s) => lines.push(s), new AbortController().signal), `${command[0]} --out ${out}`).toBe(2);
      const said = lines.join('\n');
      expect(said).toContain(`输出目录 ${out} 在书稿目录 ${dir} 之内`);
      expect(said).toContain('请用 --out 指定书稿目录之外的文件夹');
      expect(said).toContain('[out-inside-manuscript]');
      expect(said).not.toContain('读取书稿');
      expect(said).not.toContain('预览 preview: http');
    }
  }
  expect(existsSync(join(dir, 'output'))).toBe(false);
  expect(readdirSync(join(dir, 'photos', 'out'))).toEqual([]);
  // The book's own output/ (nianjian watch inside the book folder): never read as manuscript, and not watched.
  expect(outInsideManuscript(dir, join(dir, 'output'))).toBeUndefined();
  expect(outInsideManuscript(dir, join(dir, 'output', 'deeper'))).toContain('[out-inside-manuscript]');
  // Beside the manuscript is fine, and so is a folder whose name only starts like the manuscript's.
  const stop = new AbortController();
  const lines: string[] = [];
  const watching = main(['watch', dir, '--out', `${dir}-output`], (s) => lines.push(s), stop.signal);
  await until(lines, /^已更新/, 1);
  stop.abort();
  expect(await watching).toBe(0);
}, 120_000);
