import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ensureFolder } from './commit.ts';
import { makeFolder, makeFolderSync } from './folders.ts';

test('missing parents are made; an existing folder is no fault; a file in the way is ENOTDIR', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-folders-'));
  await makeFolder(join(dir, 'a', 'b', 'c'));
  makeFolderSync(join(dir, 'x', 'y'));
  await makeFolder(join(dir, 'a', 'b', 'c'));
  makeFolderSync(join(dir, 'x', 'y'));
  expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory() && statSync(join(dir, 'x', 'y')).isDirectory()).toBe(true);
  writeFileSync(join(dir, 'f'), '');
  await expect(makeFolder(join(dir, 'f'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  expect(() => makeFolderSync(join(dir, 'f', 'g'))).toThrow(/ENOTDIR/);
});

// Node's recursive mkdir spun for ever at full CPU where mkdir answers ENOENT under a parent
// that exists: `build --out /proc/x` never returned. Now it is a fault of the disk, at once.
test.runIf(existsSync('/proc/self'))('a folder the system refuses with ENOENT under a parent that exists: a fault, not a hang', async () => {
  await expect(makeFolder('/proc/nianjian-x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  expect(() => makeFolderSync('/proc/nianjian-x')).toThrow(/ENOENT/);
  expect((await ensureFolder('/proc/nianjian-x'))?.message).toMatch(/建立输出目录失败（ENOENT）/);
}, 10_000);
