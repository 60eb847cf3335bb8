/** 彩页 with photos of unlike shapes (hostile tester, session 35): none is set too narrow for its caption, no caption leaves the type area. */
import { expect, test } from 'vitest';
import { geometryOf } from '../../src/layout/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { readTemplateFile } from '../../src/io/index.ts';
import { jpeg, writeManuscript } from '../helpers/manuscript.ts';
import { setBook } from '../helpers/set-book.ts';

test('a tall narrow photo beside a panorama is not set a few points wide, and its caption stays in the type area', async () => {
  const dir = writeManuscript({
    'front/02-彩页.md': '---\nkind: galleries\n---\n\n# 彩页\n\n:::gallery{title="城区新貌"}\n\n![彩页一，城区街景](photos/a.jpg "甲提供")\n\n![彩页二，海河全景](photos/wide.jpg "乙提供")\n\n![彩页三，电视塔](photos/tall.jpg "丙提供")\n\n:::\n',
    '01-篇.md': '# 区情概览\n\n## 综述\n\n【甲】 全区经济社会发展稳中有进。\n',
    'photos/a.jpg': await jpeg(1500, 1000), 'photos/wide.jpg': await jpeg(5000, 500), 'photos/tall.jpg': await jpeg(200, 2000),
  });
  const { paged } = await setBook(dir);
  const g = geometryOf(loadTemplate(await readTemplateFile(dir, 'yearbook-16k'))!);
  const gallery = paged.pages.filter((p) => p.items.some((i) => i.kind === 'image'));
  const tall = gallery.flatMap((p) => p.items).find((i) => i.kind === 'image' && i.src === 'photos/tall.jpg');
  expect(tall?.kind === 'image' && tall.width).toBeGreaterThanOrEqual(8 * 9 - 0.01);
  for (const page of gallery) {
    const left = g.columnLeft(page.isRecto, 0);
    for (const line of page.textLines ?? []) {
      expect(line.x).toBeGreaterThanOrEqual(left - 0.5);
      expect(line.x + line.widthPt).toBeLessThanOrEqual(left + g.typeWidthPt + 0.5);
    }
  }
});
