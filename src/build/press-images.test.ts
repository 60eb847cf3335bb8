import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CMYK_PROFILE } from '../config/index.ts';
import { pressImage } from './press-images.ts';

const rgb = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();

describe('photos for the press (issue 20)', () => {
  test('an sRGB JPEG becomes CMYK through the output profile, or grey for a one-colour body', async () => {
    const cmyk = await pressImage(await rgb(), 'cmyk', DEFAULT_CMYK_PROFILE, 'k', undefined);
    expect((await sharp(cmyk.bytes).metadata()).space).toBe('cmyk');
    expect(cmyk.probe.hasProfile).toBe(false);
    const grey = await pressImage(await rgb(), 'grey', DEFAULT_CMYK_PROFILE, 'k', undefined);
    expect((await sharp(grey.bytes).metadata()).channels).toBe(1);
  });

  test('a JPEG already in CMYK, or in grey, is passed through as it is', async () => {
    const cmyk = await sharp(await rgb()).withIccProfile(DEFAULT_CMYK_PROFILE, { attach: false }).jpeg().toBuffer();
    expect((await pressImage(cmyk, 'cmyk', DEFAULT_CMYK_PROFILE, 'k', undefined)).bytes).toBe(cmyk);
    const grey = await sharp(await rgb()).toColourspace('b-w').jpeg().toBuffer();
    expect((await pressImage(grey, 'cmyk', DEFAULT_CMYK_PROFILE, 'k', undefined)).bytes).toBe(grey);
    expect((await pressImage(grey, 'grey', DEFAULT_CMYK_PROFILE, 'k', undefined)).bytes).toBe(grey);
  });

  test('a PNG with transparency is set on white: the press file has no alpha', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const made = await pressImage(png, 'cmyk', DEFAULT_CMYK_PROFILE, 'k', undefined);
    const m = await sharp(made.bytes).metadata();
    expect(m.format).toBe('jpeg');
    expect(m.hasAlpha).toBe(false);
  });
});
