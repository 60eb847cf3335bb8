/** A :::gallery in a body part (R-YB-5): its photos set in the text, its title over the first of them, centred, moving with it. */
import { expect, test } from 'vitest';
import { jpeg, writeManuscript } from '../helpers/manuscript.ts';
import { setBook } from '../helpers/set-book.ts';

test('a body gallery’s title is printed centred over its first photo, and nowhere else', async () => {
  const photo = await jpeg(600, 400);
  const text = Array.from({ length: 12 }, (_, i) => `全区经济社会发展稳中有进，${'一二三四五六七八九十'[i % 10]}季度。`).join('');
  const dir = writeManuscript({
    '01-篇.md': `# 区情概览\n\n## 综述\n\n【甲】 ${text}\n\n:::gallery{title="城区新貌"}\n\n![二月的街景](photos/a.jpg "某某提供")\n\n![三月的街景](photos/b.jpg "某某提供")\n\n:::\n\n【乙】 ${text}\n`,
    'photos/a.jpg': photo, 'photos/b.jpg': photo,
  });
  const { paged, files } = await setBook(dir);
  expect(files.flatMap((f) => f.messages.map((m) => m.ruleId)).filter((id) => id !== 'word-count-off' && id !== 'image-low-resolution')).toEqual([]);
  const titled = paged.pages.filter((p) => p.textLines?.some((l) => l.text === '城区新貌'));
  expect(titled).toHaveLength(1);
  const page = titled[0]!;
  const title = page.textLines!.find((l) => l.text === '城区新貌')!;
  const photos = page.items.filter((i) => i.kind === 'image');
  // The first photo of the group is the one right under the title.
  const under = photos.filter((p) => p.kind === 'image' && p.y > title.y).sort((a, b) => a.y - b.y)[0];
  expect(under?.kind).toBe('image');
  if (under?.kind !== 'image') return;
  expect(under.src).toBe('photos/a.jpg');
  expect(under.y - title.y).toBeLessThan(2 * title.sizePt);
  expect(Math.abs(title.x + title.widthPt / 2 - (under.x + under.width / 2))).toBeLessThan(0.5);
});
