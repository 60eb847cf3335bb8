/**
 * A JPEG's end is found by its structure: what follows the EOI (a Motion
 * Photo's video, zero padding) is not the picture, an FF D9 inside a segment
 * (the EXIF thumbnail's) is not its end, and a file cut short has none.
 */
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { jpegEnd, pngEnd } from './image-end.ts';

const base = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a7' } });

test('a baseline and a progressive JPEG end at their EOI; what follows it is not counted; a file cut short has no end', async () => {
  for (const jpeg of [await base().jpeg().toBuffer(), await base().jpeg({ progressive: true }).toBuffer(), await base().jpeg({ quality: 50 }).withMetadata({ orientation: 6 }).toBuffer()]) {
    expect(jpegEnd(jpeg)).toBe(jpeg.length);
    expect(jpegEnd(Buffer.concat([jpeg, Buffer.from('....ftypmp42 a video'), Buffer.alloc(4096)]))).toBe(jpeg.length);
    expect(jpegEnd(jpeg.subarray(0, jpeg.length - 1))).toBeUndefined();
    expect(jpegEnd(jpeg.subarray(0, jpeg.length >> 1))).toBeUndefined();
  }
  expect(jpegEnd(await base().png().toBuffer())).toBeUndefined();
});

test('an FF D9 inside a segment (an EXIF thumbnail\'s end) is not the picture\'s end', async () => {
  const jpeg = await base().jpeg().toBuffer();
  const payload = Buffer.from([0x45, 0x78, 0x69, 0x66, 0, 0, 0xff, 0xd8, 0xff, 0xd9, 0xff, 0xd9]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload]);
  const withThumb = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
  expect(jpegEnd(withThumb)).toBe(withThumb.length);
});

test('a PNG ends after its IEND chunk, whatever follows; one cut short has no end', async () => {
  const png = await base().png().toBuffer();
  expect(pngEnd(png)).toBe(png.length);
  expect(pngEnd(Buffer.concat([png, Buffer.alloc(300, 1)]))).toBe(png.length);
  expect(pngEnd(png.subarray(0, png.length - 4))).toBeUndefined();
  expect(pngEnd(await base().jpeg().toBuffer())).toBeUndefined();
});
