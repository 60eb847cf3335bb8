/**
 * A token for what a page shows, so a watch session's PDF renderer can keep
 * the pages it drew: the same draft (a part reused whole), in the same place,
 * with the same running head, folio and proof marks, gets the same token from
 * build to build; anything else gets a new one. Tokens live as long as their
 * drafts, in the session's LayoutCaches (caches.ts); a plain build has none.
 *
 * With its token a page keeps the Page itself (its display items and text
 * lines): a rebuild after a one-paragraph edit then draws, measures and hashes
 * only the pages of the edited part, not all 356 (on the sample that was a
 * fifth of the rebuild's CPU and most of its garbage). A page whose drawing
 * looked up other pages (a TOC's or index's links) is kept only while they
 * are where they were.
 */
import type { PageDraft } from './draft.ts';
import type { Page } from './types.ts';

/** A draft's page in the last build: its place, its token, and the page when it may be used again. */
interface Placed {
  key: string;
  token: object;
  page: Page;
  /** The pages its links went to, by anchor. */
  links: ReadonlyArray<[string, number | undefined]>;
}

export class PageIdentities {
  /** One place a draft: a draft that moves gets a new token, and its old page is let go. */
  private readonly placed = new WeakMap<PageDraft, Placed>();
  private readonly byPage = new WeakMap<Page, object>();

  private static keyOf(page: Page, marks: string): string {
    return [page.index, page.isRecto, page.number, page.folio, page.runningHead, marks].join('\u0000');
  }

  /** The page that `draft` made in the last build at `page`'s place with the proof marks `marks`, when it may be used as it is. */
  kept(draft: PageDraft, page: Page, marks: string, pageIndexOf: (anchorId: string) => number | undefined): Page | undefined {
    const last = this.placed.get(draft);
    if (last?.key !== PageIdentities.keyOf(page, marks)) return undefined;
    return last.links.every(([id, at]) => pageIndexOf(id) === at) ? last.page : undefined;
  }

  /** Gives `page`, made from `draft` with the proof marks `marks` and linked to `links`, its token: the last one when nothing of that changed. */
  assign(draft: PageDraft, page: Page, marks: string, links: ReadonlyArray<[string, number | undefined]>): void {
    const key = PageIdentities.keyOf(page, marks);
    const last = this.placed.get(draft);
    const sameLinks = last !== undefined && last.links.length === links.length && last.links.every(([id, at], i) => links[i]![0] === id && links[i]![1] === at);
    const token = last?.key === key && sameLinks ? last.token : {};
    this.placed.set(draft, { key, token, page, links });
    this.byPage.set(page, token);
  }

  /** The token of a page of this session's last layout: the same object means the same page as before. */
  of(page: Page): object | undefined {
    return this.byPage.get(page);
  }
}
