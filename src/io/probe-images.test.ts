/**
 * The image probe on TIFFs as ImageMagick writes them: the directory that
 * holds the size comes after the pixels, past the 512 KB that image-size
 * reads (issue 22: such photos were reported as broken).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { probeImages } from './probe-images.ts';

test('ImageMagick TIFFs of several megabytes, little- and big-endian, are probed at their size, not called broken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-tiff-'));
  execFileSync('convert', ['-size', '1200x900', 'gradient:red-blue', join(dir, 'big.tif')]);
  execFileSync('convert', ['-size', '1000x700', 'plasma:', '-endian', 'MSB', join(dir, 'big-msb.tif')]);
  execFileSync('convert', ['-size', '40x30', 'xc:gray', join(dir, 'small.tif')]);
  const probed = await probeImages(dir);
  expect(Object.fromEntries(probed)).toEqual({
    'big.tif': { status: 'ok', widthPx: 1200, heightPx: 900, format: 'tiff' },
    'big-msb.tif': { status: 'ok', widthPx: 1000, heightPx: 700, format: 'tiff' },
    'small.tif': { status: 'ok', widthPx: 40, heightPx: 30, format: 'tiff' },
  });
}, 60_000);

/** A JPEG from ImageMagick with `kb` KB of APP15 segments after its SOI, as a camera's maker notes and previews stand before the frame header. */
function jpegWithLongHead(path: string, widthPx: number, heightPx: number, kb: number): Buffer {
  execFileSync('convert', ['-size', `${widthPx}x${heightPx}`, 'plasma:', path]);
  const plain = readFileSync(path);
  const segments: Buffer[] = [];
  for (let left = kb * 1024; left > 0; left -= 60_000) {
    const body = Buffer.alloc(Math.min(left, 60_000), 0x41);
    segments.push(Buffer.from([0xff, 0xef, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body);
  }
  return Buffer.concat([plain.subarray(0, 2), ...segments, plain.subarray(2)]);
}

test('a JPEG whose frame header lies past the first 64 KB read is read further, and a truncated one is still called so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianjian-jpeg-head-'));
  const long = jpegWithLongHead(join(dir, 'long.jpg'), 640, 480, 200);
  writeFileSync(join(dir, 'long.jpg'), long);
  writeFileSync(join(dir, 'long-cut.jpg'), long.subarray(0, long.length - 500));
  execFileSync('convert', ['-size', '300x200', 'plasma:', join(dir, 'plain.jpg')]);
  const probed = Object.fromEntries(await probeImages(dir));
  expect(long.indexOf(Buffer.from([0xff, 0xc0]), 2)).toBeGreaterThan(64 * 1024);
  expect(probed).toEqual({
    'long.jpg': { status: 'ok', widthPx: 640, heightPx: 480, format: 'jpeg' },
    'long-cut.jpg': { status: 'unreadable', reason: '文件不完整' },
    'plain.jpg': { status: 'ok', widthPx: 300, heightPx: 200, format: 'jpeg' },
  });
}, 60_000);
