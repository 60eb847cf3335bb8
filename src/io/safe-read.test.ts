/**
 * Files named by a template or the command line are opened without
 * blocking and read only when they are regular files: a FIFO as an ICC
 * profile blocked a pool thread in open(), and the build, told to stop,
 * never exited. An earlier proof that cannot be read says why in words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readEarlierManifest } from './earlier-proof.ts';
import { readRegularFile } from './safe-read.ts';

test('a regular file is read; a FIFO, a folder or a device is named, never opened for reading', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-regular-'));
  writeFileSync(join(dir, 'a.icc'), 'profile');
  execFileSync('mkfifo', [join(dir, 'pipe.icc')]);
  expect(await readRegularFile(join(dir, 'a.icc'))).toEqual({ bytes: Buffer.from('profile') });
  expect(await readRegularFile(join(dir, 'pipe.icc'))).toEqual({ notRegular: '命名管道（FIFO）' });
  expect(await readRegularFile(dir)).toEqual({ notRegular: '目录' });
  expect(await readRegularFile('/dev/zero')).toEqual({ notRegular: '设备文件' });
  await expect(readRegularFile(join(dir, 'none.icc'))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('an earlier proof (--since) that is not a file says what it is, in words (the reason was the rule id file-not-regular)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-since-'));
  execFileSync('mkfifo', [join(dir, 'manifest.json')]);
  expect(await readEarlierManifest(join(dir, 'manifest.json'))).toBe('这不是普通文件，而是命名管道（FIFO）');
  expect(await readEarlierManifest(dir)).toBe('这不是普通文件，而是目录');
});
