/**
 * The manifest's comparison (issue 23) on small page maps: paragraphs are
 * matched by their text, so an inserted or moved paragraph changes only
 * itself; a replaced paragraph's lines are compared line by line.
 */
import { describe, expect, test } from 'vitest';
import type { Page, PagedDocument } from '../layout/index.ts';
import { compareManifests, makeManifest, manifestBytes, parseManifest } from './manifest.ts';

/** A book of pages, each a list of blocks given as [line of the key, line texts, a float?]: one line a grid line. */
function book(pages: Array<Array<[string, string[], boolean?]>>): PagedDocument {
  const made: Page[] = pages.map((paragraphs, index) => {
    let y = 0;
    const textLines = paragraphs.flatMap(([key, lines, floats]) => lines.map((text, i) => ({ key: `ms/01.md:${key}:1`, index: i, column: 0, y: (y += 16), x: 0, widthPt: 100, sizePt: 10.5, text, ...(floats ? { floats } : {}) })));
    return { index, kind: 'body', folio: String(index + 1), number: String(index + 1), isRecto: index % 2 === 0, runningHead: '', items: [], sources: [], textLines };
  });
  return { widthPt: 595, heightPt: 808, pages: made, anchors: new Map(), outline: [], wordsThousands: 0, index: [] };
}

const changes = (before: PagedDocument, after: PagedDocument) =>
  compareManifests(makeManifest(before, 'ms', 'b'), makeManifest(after, 'ms', 'b'), after);

describe('manifest comparison', () => {
  const a: Array<[string, string[]]> = [['1', ['甲一', '甲二']], ['5', ['乙一', '乙二']], ['9', ['丙一']]];

  test('the same book: nothing changed, nothing moved; the bytes are the same', () => {
    expect(changes(book([a]), book([a]))).toMatchObject({ changedPages: [], movedPages: [], changedParagraphs: 0 });
    expect(manifestBytes(makeManifest(book([a]), 'ms', 'b'))).toBe(manifestBytes(makeManifest(book([a]), 'ms', 'b')));
  });

  test('a paragraph inserted above the others: only its lines change, though every key after it moved', () => {
    const after = book([[['1', ['甲一', '甲二']], ['5', ['新一', '新二']], ['9', ['乙一', '乙二']]], [['13', ['丙一']]]]);
    const c = changes(book([a]), after);
    expect(c.pages.get(0)?.changedLines).toEqual([2, 3]);
    expect(c.changedParagraphs).toBe(1);
    expect(c.changedPages).toEqual(['1']);
    expect(c.movedPages).toEqual(['2']);
  });

  test('a replaced paragraph: only its lines whose text differs', () => {
    const after = book([[['1', ['甲一', '甲二']], ['5', ['乙一', '乙改']], ['9', ['丙一']]]]);
    expect(changes(book([a]), after).pages.get(0)?.changedLines).toEqual([3]);
  });

  test('a deleted block is marked under the last line of the block before it that remains; the report names it by its first characters', () => {
    const after = book([[['1', ['甲一', '甲二']], ['5', ['丙一']]]]);
    const c = changes(book([a]), after);
    expect(c.pages.get(0)).toEqual({ changedLines: [], deletedAfter: [1], moved: false });
    expect(c.deletions).toEqual([{ page: '1', text: '乙一乙二', count: 1 }]);
    expect(c.changedPages).toEqual(['1']);
  });

  test('a block deleted beside an edited one: the edited one keeps its partner (they share a line), the other is deleted', () => {
    const after = book([[['1', ['甲一', '甲改']], ['9', ['丙一']]]]);
    const c = changes(book([a]), after);
    expect(c.pages.get(0)).toMatchObject({ changedLines: [1], deletedAfter: [1] });
    expect(c.deletions.map((d) => d.text)).toEqual(['乙一乙二']);
  });

  test('blocks deleted at one place (a table and its cells) are one deletion, counted', () => {
    const table: Array<[string, string[]]> = [['1', ['甲一']], ['3', ['表题']], ['4', ['格一']], ['5', ['格二']], ['9', ['丙一']]];
    const c = changes(book([table]), book([[['1', ['甲一']], ['9', ['丙一']]]]));
    expect(c.deletions).toEqual([{ page: '1', text: '表题', count: 3 }]);
    expect(c.pages.get(0)).toMatchObject({ changedLines: [], deletedAfter: [0] });
  });

  test('the first block deleted: marked above the first line of the one after it; a float before it is passed over', () => {
    expect(changes(book([a]), book([[['5', ['乙一', '乙二']], ['9', ['丙一']]]])).pages.get(0)).toMatchObject({ deletedBefore: [0] });
    const withFloat: Array<[string, string[], boolean?]> = [['1', ['甲一']], ['2', ['图注'], true], ['5', ['乙一']], ['9', ['丙一']]];
    const c = changes(book([withFloat]), book([[['1', ['甲一']], ['2', ['图注'], true], ['9', ['丙一']]]]));
    expect(c.pages.get(0)).toMatchObject({ changedLines: [], deletedAfter: [0] });
  });

  test('blocks are compared in manuscript order: a float printed a page later is the same block', () => {
    const before = book([[['1', ['甲一']], ['2', ['图注'], true], ['5', ['乙一']]]]);
    const after = book([[['1', ['甲一']], ['5', ['乙一']]], [['2', ['图注'], true]]]);
    expect(changes(before, after)).toMatchObject({ changedPages: [], deletions: [], changedParagraphs: 0 });
  });

  test('against a manifest of the first format (paragraphs only), headings, captions and cells are left out, not all "inserted"', () => {
    const withHeading = (p: PagedDocument) => {
      p.pages[0]!.textLines!.forEach((l) => Object.assign(l, { composed: {} }));
      p.pages[0]!.textLines!.push({ key: 'ms/01.md:0:1', index: 0, column: 0, y: 200, x: 0, widthPt: 50, sizePt: 14, text: '标题' });
      return p;
    };
    const first = { ...makeManifest(book([a]), 'ms', 'b'), format: 'nianjian-manifest/1' };
    const now = withHeading(book([a]));
    expect(compareManifests(first, makeManifest(now, 'ms', 'b'), now)).toMatchObject({ changedPages: [], deletions: [], changedParagraphs: 0 });
  });

  test('a manifest read back is the one written; anything else is refused with a reason', () => {
    const m = makeManifest(book([a]), 'ms', 'b', '二校');
    expect(parseManifest(manifestBytes(m))).toEqual(m);
    expect(parseManifest('{"format":"x"}')).toMatch(/不是 nianjian 的清单/);
    expect(parseManifest('not json')).toMatch(/不是 JSON/);
    expect(parseManifest('root:x:0:0')).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/); // not the JSON parser's English
  });
});
