import { readFileSync, writeFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { loadBook, pressDefaults } from '../src/config/index.ts';
import { loadFonts } from '../src/io/index.ts';
import { renderCover } from '../src/render/index.ts';
const s = loadBook(new VFile({ path: 'manuscript/book.yaml', value: readFileSync('manuscript/book.yaml', 'utf8') }))!;
if (process.argv[2]) (s.binding as { type: string }).type = process.argv[2];
const loaded = await loadFonts();
const icc = readFileSync('/usr/share/color/icc/ghostscript/default_cmyk.icc');
const p = pressDefaults();
const r = await renderCover({ settings: s, trimWidthPt: 595.28, trimHeightPt: 807.87, pageCount: 360, font: loaded.set.roles.heading.regular,
  sheet: { bleedMm: p.bleed_mm, markOffsetMm: p.mark_offset_mm, markLengthMm: p.mark_length_mm, slugMm: p.slug_mm, safetyMm: 3, bleedPages: [] },
  standard: 'PDF/X-1a', intent: { icc, condition: 'CGATS TR 001', info: 'x' }, metadata: { title: 't', author: 'a', subject: 's', language: 'zh', date: new Date(0) } });
writeFileSync('/tmp/press20-cov/c.pdf', r.bytes); console.log(r.facts);
