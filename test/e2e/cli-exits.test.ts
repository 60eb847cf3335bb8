/**
 * Exit codes of the command line (options.ts EXIT): a path or an argument
 * that is wrong is 2, a fault of the disk or the system 3, each with one
 * Chinese line and nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'nianjian-exit-'));

async function run(argv: string[]): Promise<{ code: number; report: string }> {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s));
  return { code, report: lines.join('\n') };
}

describe('init onto a path that is not a new or empty folder', () => {
  test('an existing file: exit 2, says it is a file, the file unchanged', async () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, '原有的文字');
    const { code, report } = await run(['init', file]);
    expect(code).toBe(2);
    expect(report).toMatch(/文件，不是目录/);
    expect(report).not.toMatch(/ERR_|EEXIST|ENOTDIR|权限/);
    expect(readFileSync(file, 'utf8')).toBe('原有的文字');
  });

  test('a path through a file: exit 2, nothing made', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a'), '');
    const { code, report } = await run(['init', join(dir, 'a', 'book')]);
    expect(code).toBe(2);
    expect(report).toMatch(/路径中有一段是文件/);
    expect(readdirSync(dir)).toEqual(['a']);
  });

  test('a folder with files: exit 2, nothing changed', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    const { code, report } = await run(['init', dir]);
    expect(code).toBe(2);
    expect(report).toMatch(/不为空/);
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});

describe('listings whose standard output cannot be written', () => {
  const bin = join(import.meta.dirname, '../../bin/nianjian.js');
  const book = () => {
    const dir = join(scratch(), 'book');
    return main(['init', dir], () => {}).then(() => dir);
  };

  test.runIf(existsSync('/dev/full'))('index, queries and check --format json into a full disk: exit 3 and a Chinese line on stderr, not exit 0 with the listing lost', async () => {
    const dir = await book();
    for (const args of [['index', dir], ['queries', dir], ['check', dir, '--format', 'json']]) {
      const full = openSync('/dev/full', 'w');
      const run = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60_000 });
      closeSync(full);
      expect(run.status, `${args[0]}: ${run.stderr}`).toBe(3);
      expect(run.stderr).toMatch(/写入标准输出失败（ENOSPC）/);
      expect(run.stderr).not.toMatch(/internal-error|Error:/);
    }
  }, 180_000);

  test('a reader that stops early (| head) is no fault: exit 0', async () => {
    const dir = await book();
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" index "${dir}" | head -c 1 > /dev/null; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  }, 60_000);
});

describe('run from a folder that was deleted', () => {
  const bin = join(import.meta.dirname, '../../bin/nianjian.js');

  // A terminal left in a book folder that was unpacked anew: tsx and every VFile read the
  // current folder, and the build ended in exit 70 'internal error' (uv_cwd) before reading anything.
  test('exit 2 and one Chinese line that says to cd, no internal error', async () => {
    const book = join(scratch(), 'book');
    await main(['init', book], () => {});
    const gone = join(scratch(), 'gone');
    const script = `mkdir "${gone}" && cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${bin}" build "${book}" --out "${join(scratch(), 'out')}"`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/当前所在的文件夹已不存在.*请用 cd 进入书稿所在的文件夹.*\[cwd-missing\]/);
    expect(run.stdout + run.stderr).not.toMatch(/internal-error|uv_cwd|Error:/);
  }, 60_000);
});

describe('--since that names no earlier proof', () => {
  test('is the command line\'s mistake: exit 2 with since-unreadable', async () => {
    const dir = join(scratch(), 'book');
    await main(['init', dir], () => {});
    const { code, report } = await run(['build', dir, '--out', join(scratch(), 'out'), '--draft', '--since', join(scratch(), 'no-such-manifest.json')]);
    expect(code, report).toBe(2);
    expect(report).toMatch(/since-unreadable/);
  }, 60_000);
});
