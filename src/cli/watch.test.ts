/**
 * The watcher on a real folder (chokidar on the file system), with a build
 * that only counts: what is an edit, how saves during a build are gathered,
 * and the manuscript folder vanishing.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { until } from '../../test/helpers/lines.ts';
import { outInsideManuscript, watchManuscript, watchStopped } from './watch.ts';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-watcher-'));
  mkdirSync(join(dir, 'photos'));
  writeFileSync(join(dir, '01.md'), '# 一\n');
  return dir;
}

/** A watch whose builds take `buildMs` and are counted. */
function watching(dir: string, buildMs = 0) {
  const lines: string[] = [];
  const stop = new AbortController();
  let builds = 0;
  const done = watchManuscript({
    dir, outDir: join(dir, '..', 'out'), out: (s) => lines.push(s), signal: stop.signal, settleMs: 50,
    rebuild: async () => {
      builds++;
      await new Promise((r) => setTimeout(r, buildMs));
      return 0;
    },
  });
  return { lines, stop, done, builds: () => builds };
}

test('backups, swap, hidden and temporary files are not edits; a new photo, a changed and a removed file are', async () => {
  const dir = folder();
  const w = watching(dir);
  try {
    await until(w.lines, /^已更新/, 1);
    for (const name of ['01.md~', '.01.md.swp', '.01.md.swx', '01.md.tmp-123', '01.md___jb_tmp___', '4913', '.hidden', join('photos', '.DS_Store')]) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'index'), 'x');
    await new Promise((r) => setTimeout(r, 600));
    expect(w.lines.filter((l) => l.startsWith('修改'))).toEqual([]);
    writeFileSync(join(dir, 'photos', 'a.jpg'), 'x');
    writeFileSync(join(dir, '01.md'), '# 一\n\n正文\n');
    await until(w.lines, /^修改/, 1);
    rmSync(join(dir, 'photos', 'a.jpg'));
    await until(w.lines, /^修改/, 2);
    expect(w.lines.filter((l) => l.startsWith('修改'))).toEqual([`修改 changed: 01.md, ${join('photos', 'a.jpg')}`, `修改 changed: ${join('photos', 'a.jpg')}`]);
  } finally {
    w.stop.abort();
  }
  expect(await w.done).toBe(0);
});

test('a folder made with a part\'s name (or any new folder) is a change: the build reports it, as a build by hand does', async () => {
  const dir = folder();
  const w = watching(dir);
  try {
    await until(w.lines, /^已更新/, 1);
    rmSync(join(dir, '01.md'));
    await until(w.lines, /^修改/, 1);
    mkdirSync(join(dir, '01.md'));
    // Before, nothing: the session kept showing a book without the part and without the error a build gives.
    await until(w.lines, /^修改/, 2);
    expect(w.lines.filter((l) => l.startsWith('修改'))).toEqual(['修改 changed: 01.md', '修改 changed: 01.md']);
  } finally {
    w.stop.abort();
  }
  expect(await w.done).toBe(0);
});

test('saves made during a build are gathered into one build after it, and stopping drops a build not yet begun', async () => {
  const dir = folder();
  const w = watching(dir, 1_500);
  try {
    await until(w.lines, /^已更新/, 1);
    writeFileSync(join(dir, '01.md'), '# 一\n\n第一次\n');
    await until(w.lines, /^修改/, 1);
    // Three more saves while the build they started runs: one build after it, not three.
    for (const [k, text] of ['第二次', '第三次', '第四次'].entries()) {
      writeFileSync(join(dir, '01.md'), `# 一\n\n${text}\n`);
      await until(w.lines, /^修改/, k + 2);
    }
    await until(w.lines, /^已更新/, 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(w.builds()).toBe(3);
    // A save, then stop while its build waits behind none: nothing more is built once stopped.
    writeFileSync(join(dir, '01.md'), '# 一\n\n第五次\n');
    await until(w.lines, /^修改/, 5);
    writeFileSync(join(dir, '01.md'), '# 一\n\n第六次\n');
    await until(w.lines, /^修改/, 6);
  } finally {
    w.stop.abort();
  }
  expect(await w.done).toBe(0);
  expect(w.builds()).toBe(4);
}, 30_000);

test('the manuscript folder renamed or removed while watched: a message, and the watch ends', async () => {
  for (const vanish of [(dir: string) => renameSync(dir, `${dir}-moved`), (dir: string) => rmSync(dir, { recursive: true })]) {
    const dir = folder();
    const w = watching(dir);
    await until(w.lines, /^已更新/, 1);
    vanish(dir);
    expect(await w.done).toBe(0);
    expect(w.lines.at(-1)).toContain(`停止监视 watching stopped: 书稿目录 ${dir} 已不在`);
  }
});

test('an output folder is inside the manuscript when it is the folder, below it, or linked into it; beside it is not', () => {
  const dir = folder();
  expect(outInsideManuscript(dir, dir)).toContain('[out-inside-manuscript]');
  expect(outInsideManuscript(dir, join(dir, 'output', 'not-yet'))).toContain(`输出目录 ${join(dir, 'output', 'not-yet')} 在书稿目录 ${dir} 之内`);
  expect(outInsideManuscript(dir, `${dir}/photos/../out`)).toBeDefined();
  expect(outInsideManuscript(dir, `${dir}-output`)).toBeUndefined();
  expect(outInsideManuscript(dir, join(dir, '..'))).toBeUndefined();
  expect(outInsideManuscript(join(dir, 'photos'), dir)).toBeUndefined();
});

test('a watcher\'s system error is said in Chinese, the inotify limit as such (chokidar\'s English was printed as it came)', () => {
  const limit = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached, watch \'/书稿\''), { code: 'ENOSPC' });
  expect(watchStopped(limit, '书稿')).toMatch(/^停止监视 watching stopped: 系统允许监视的文件夹数已用完.*max_user_watches.*书稿/);
  const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  expect(watchStopped(denied, '书稿')).toMatch(/没有权限/);
  expect(watchStopped(denied, '书稿')).not.toMatch(/permission denied/);
});
