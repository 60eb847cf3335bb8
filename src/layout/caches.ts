/**
 * What a watch session keeps of the layout between builds, behind one
 * interface: composed paragraphs (compose/cache.ts), laid-out parts and
 * front sections (part-cache.ts) and each page with its identity
 * (page-identity.ts), which the PDF renderer uses to keep the pages it drew.
 * The layout's own types (the context, pages) hold none of it; a plain build
 * passes none.
 */
import { CompositionCache } from '../compose/index.ts';
import { IndexKeyMemo } from '../derive/index.ts';
import { PageIdentities } from './page-identity.ts';
import { PartLayoutCache } from './part-cache.ts';

export class LayoutCaches {
  readonly composition = new CompositionCache();
  readonly parts = new PartLayoutCache();
  /** Front sections' pages (编辑说明, 彩页), kept as parts' are; counted apart from the parts. */
  readonly front = new PartLayoutCache();
  /** The TOC's and the index's pages, kept while their entries and page numbers are the same. */
  readonly lists = new PartLayoutCache();
  readonly pages = new PageIdentities();
  /** The index headings' readings (derive/index-keys-memo.ts). */
  readonly indexKeys = new IndexKeyMemo();

  startBuild(): void {
    this.composition.startBuild();
    this.parts.startBuild();
    this.front.startBuild();
    this.lists.startBuild();
  }
}
