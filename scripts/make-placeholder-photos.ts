/**
 * Writes honest placeholder photos for the sample manuscript: the seed has
 * the captions but not the pictures. Each is a real JPEG at print
 * resolution (1800×1200 px), a neutral grey with its own file name and
 * 占位图 written on it, so nobody mistakes it for the real photo. The text
 * is drawn as glyph outlines from the bundled Hei font, so it does not
 * depend on the fonts of the machine.
 *
 *   npm run placeholders            (reads manuscript/photos/placeholders.json)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Font, openFont, textPathSvg } from '../src/font/index.ts';
import sharp from 'sharp';

const WIDTH_PX = 1800;
const HEIGHT_PX = 1200;
const MANUSCRIPT = join(import.meta.dirname, '../manuscript');
const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf');

function svg(font: Font, name: string): string {
  const label = textPathSvg(font, '占位图 · PLACEHOLDER', 96, WIDTH_PX / 2, 560);
  const file = textPathSvg(font, name, 72, WIDTH_PX / 2, 700);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH_PX}" height="${HEIGHT_PX}">
<rect width="100%" height="100%" fill="#9a9a96"/>
<rect x="24" y="24" width="${WIDTH_PX - 48}" height="${HEIGHT_PX - 48}" fill="none" stroke="#7d7d79" stroke-width="8"/>
<g fill="#f2f2ee">${label}${file}</g></svg>`;
}

async function main(): Promise<void> {
  const list: string[] = JSON.parse(readFileSync(join(MANUSCRIPT, 'photos/placeholders.json'), 'utf8'));
  const font = openFont(readFileSync(FONT_FILE));
  let made = 0;
  for (const src of list) {
    const out = join(MANUSCRIPT, src);
    if (existsSync(out) && !process.argv.includes('--force')) continue;
    await sharp(Buffer.from(svg(font, src.replace(/^photos\//, ''))))
      .flatten({ background: '#9a9a96' })
      .jpeg({ quality: 70, mozjpeg: true })
      .withMetadata({ density: 300 })
      .toFile(out);
    made++;
  }
  console.log(`placeholder photos: ${made} written, ${list.length - made} already there`);
}

await main();
