/**
 * The image probe on TIFFs as ImageMagick writes them: the directory that
 * holds the size comes after the pixels, past the 512 KB that image-size
 * reads (issue 22: such photos were reported as broken).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
