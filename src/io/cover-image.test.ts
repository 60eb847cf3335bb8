/**
 * book.yaml's cover_image is read as a figure's photo is: never from outside
 * the manuscript, never a FIFO opened, and a file that cannot be used says
 * why. Before, each of these was read (the picture from outside printed on
 * the cover), hung, or was "找不到封面图片".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { jpeg, writeManuscript } from '../../test/helpers/manuscript.ts';
import { readCoverImage } from './assets.ts';

test('a cover picture outside the manuscript, a folder, a FIFO or a damaged file is refused with the reason; a photo is read', async () => {
  const photo = await jpeg(300, 400);
  const outside = writeManuscript({ 'secret.jpg': photo }, false);
  const dir = writeManuscript({ 'photos/cover.jpg': photo, 'photos/cut.jpg': photo.subarray(0, 300) });
  mkdirSync(join(dir, 'photos/folder.jpg'));
  execFileSync('mkfifo', [join(dir, 'photos/pipe.jpg')]);
  symlinkSync(join(outside, 'secret.jpg'), join(dir, 'photos/link.jpg'));
  writeFileSync(join(dir, '..', 'beside.jpg'), photo);

  expect((await readCoverImage(dir, 'photos/cover.jpg')).status).toBe('ok');
  expect(await readCoverImage(dir, 'photos/none.jpg')).toEqual({ status: 'missing' });
  for (const src of ['../beside.jpg', join(outside, 'secret.jpg'), 'photos/link.jpg']) {
    expect(await readCoverImage(dir, src), src).toEqual({ status: 'refused', why: '路径指向书稿目录之外，未读取' });
  }
  expect(await readCoverImage(dir, 'photos/folder.jpg')).toEqual({ status: 'refused', why: '指向的是目录，不是图片文件' });
  expect(await readCoverImage(dir, 'photos/pipe.jpg')).toEqual({ status: 'refused', why: '指向的是命名管道（FIFO），不是图片文件' });
  expect(await readCoverImage(dir, 'photos/cut.jpg')).toMatchObject({ status: 'refused', why: expect.stringMatching(/损坏|不完整/) });
});
