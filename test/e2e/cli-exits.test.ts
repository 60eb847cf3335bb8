/**
 * Exit codes of the command line (options.ts EXIT): a path or an argument
 * that is wrong is 2, a fault of the disk or the system 3, each with one
 * Chinese line and nothing changed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
