import { describe, expect, it } from 'vitest';
import { blankDraft } from './draft.ts';
import { PageIdentities } from './page-identity.ts';
import type { Page } from './types.ts';

const pageAt = (index: number): Page => ({ index, kind: 'toc', number: 'v', folio: 'v', isRecto: true, runningHead: '', items: [], sources: [] });

describe('a watch session keeps a page whole only while its draft, place and links are the same', () => {
  it('hands back the last Page and its token when nothing changed', () => {
    const ids = new PageIdentities();
    const draft = blankDraft();
    const first = pageAt(4);
    ids.assign(draft, first, '', [['p1-entry3', 20]]);
    const token = ids.of(first);
    expect(token).toBeDefined();
    expect(ids.kept(draft, pageAt(4), '', () => 20)).toBe(first);
    ids.assign(draft, first, '', [['p1-entry3', 20]]);
    expect(ids.of(first)).toBe(token);
  });

  it('draws the page again, with a new token, when a link now goes to another page, the place or the proof marks changed', () => {
    const ids = new PageIdentities();
    const draft = blankDraft();
    const first = pageAt(4);
    ids.assign(draft, first, '', [['p1-entry3', 20]]);
    const token = ids.of(first);
    // The TOC page stays where it was, but the entry it links to is two pages on (the front matter grew).
    expect(ids.kept(draft, pageAt(4), '', () => 22)).toBeUndefined();
    const moved = pageAt(4);
    ids.assign(draft, moved, '', [['p1-entry3', 22]]);
    expect(ids.of(moved)).not.toBe(token);
    expect(ids.kept(draft, pageAt(6), '', () => 22)).toBeUndefined();
    expect(ids.kept(draft, pageAt(4), '二校校样', () => 22)).toBeUndefined();
    expect(ids.kept(draft, pageAt(4), '', () => 22)).toBe(moved);
  });
});
