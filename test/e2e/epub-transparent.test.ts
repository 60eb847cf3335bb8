/**
 * A transparent PNG (a chart exported from Excel: black lines on nothing)
 * is set on white in the EPUB, as on paper. libvips dropped the alpha to
 * black when it made the screen JPEG: the chart's lines vanished.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { writeManuscript } from '../helpers/manuscript.ts';
import { outputIn } from '../helpers/outputs.ts';

test('a transparent chart is on white in the EPUB, its lines black', async () => {
  const line = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><path d="M0 200H600" stroke="#000" stroke-width="40"/></svg>');
  const chart = await sharp(line).png().toBuffer(); // transparent but for the line
  const dir = writeManuscript({ '01-篇.md': '# 区情概览\n\n## 综述\n\n【概况】 文字。\n\n![图表](photos/chart.png "统计局提供")\n', 'photos/chart.png': chart });
  const out = mkdtempSync(join(tmpdir(), 'nianjian-transparent-'));
  expect(await main(['build', dir, '--out', out], () => {})).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(outputIn(out, '.epub')));
  const name = Object.keys(zip.files).find((n) => /images\/chart-.*\.jpg$/.test(n))!;
  const { data, info } = await sharp(await zip.file(name)!.async('nodebuffer')).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  for (const v of at(10, 10)) expect(v).toBeGreaterThan(245); // the ground: white, not black
  for (const v of at(info.width >> 1, info.height >> 1)) expect(v).toBeLessThan(20); // the line
}, 60_000);
