/**
 * The manifest's comparison (issue 23) on small page maps: paragraphs are
 * matched by their text, so an inserted or moved paragraph changes only
 * itself; a replaced paragraph's lines are compared line by line.
 */
import { describe, expect, test } from 'vitest';
import type { Page, PagedDocument } from '../layout/index.ts';
import { compareManifests, makeManifest, manifestBytes, parseManifest } from './manifest.ts';

/** A book of pages, each a list of paragraphs given as [key, line texts]: one line a grid line. */
function book(pages: Array<Array<[string, string[]]>>): PagedDocument {
  const made: Page[] = pages.map((paragraphs, index) => {
    let y = 0;
    const textLines = paragraphs.flatMap(([key, lines]) => lines.map((text, i) => ({ key: `ms/01.md:${key}:1`, index: i, column: 0, y: (y += 16), x: 0, widthPt: 100, sizePt: 10.5, text })));
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

  test('a manifest read back is the one written; anything else is refused with a reason', () => {
    const m = makeManifest(book([a]), 'ms', 'b', '二校');
    expect(parseManifest(manifestBytes(m))).toEqual(m);
    expect(parseManifest('{"format":"x"}')).toMatch(/不是 nianjian 的清单/);
    expect(parseManifest('not json')).toMatch(/不是 JSON/);
  });
});
