/**
 * A page's boxes as text, one a line, as SILE's debug output gives them:
 * kind, position and size in pt (y down from the page's top), and the first
 * characters of a line of glyphs. Readable goldens for small fixtures, and
 * what a make-up problem looks like in a bug report.
 */
import type { DisplayItem, Page } from './types.ts';

const pt = (n: number) => n.toFixed(1);
const FIRST_CHARACTERS = 12;

function glyphLine(item: Extract<DisplayItem, { kind: 'glyphs' }>): string {
  const glyphs = item.glyphs.toArray();
  const last = glyphs.at(-1);
  const width = last ? last.xPt + last.advanceEm * last.sizePt * last.scale : 0;
  const size = glyphs[0]?.sizePt ?? 0;
  const text = glyphs.map((g) => g.text).join('');
  return `glyphs x=${pt(item.x)} y=${pt(item.y)} w=${pt(width)} size=${pt(size)} "${[...text].slice(0, FIRST_CHARACTERS).join('')}${[...text].length > FIRST_CHARACTERS ? '…' : ''}"`;
}

function dumpItem(item: DisplayItem, indent: string): string[] {
  switch (item.kind) {
    case 'glyphs': return [indent + glyphLine(item)];
    case 'image': return [`${indent}image x=${pt(item.x)} y=${pt(item.y)} w=${pt(item.width)} h=${pt(item.height)} ${item.src}`];
    case 'rule': return [`${indent}rule (${pt(item.x1)}, ${pt(item.y1)})–(${pt(item.x2)}, ${pt(item.y2)}) ${pt(item.widthPt)}`];
    case 'link': return [`${indent}link x=${pt(item.x)} y=${pt(item.y)} w=${pt(item.width)} h=${pt(item.height)} → page ${item.pageIndex}`];
    case 'group': return [`${indent}group [${item.transform.map(pt).join(' ')}]`, ...item.items.flatMap((i) => dumpItem(i, `${indent}  `))];
  }
}

/** Page `page` as lines of text: a header with its number and kind, then each box in drawing order. */
export function dumpPage(page: Page): string {
  return [`page ${page.index} (${page.kind}, ${page.number})`, ...page.items.flatMap((i) => dumpItem(i, '  '))].join('\n');
}
