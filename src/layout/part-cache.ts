/**
 * Laid-out parts kept by a watch session. A part is laid out on its own,
 * from a recto (R-PAGE-2), so its page drafts depend only on its own content,
 * the template and the book's settings, and the sizes of its images. When the
 * parser hands back the same part (its file unchanged), the drafts of the last
 * build are used again, with the problems their layout found. So are a front
 * section's (编辑说明, 彩页): each starts on a recto too, and with its drafts
 * kept its pages keep their identities, so the PDF does not draw its 24 pages
 * of photos and text again after every save.
 */
import { type FrontSection, noteRefsIn, type Part, walkBook } from '../model/index.ts';
import { SessionCache } from '../units/index.ts';
import type { BuildProblem, LayoutContext } from './context.ts';
import type { PageDraft } from './draft.ts';

interface LaidOutPart {
  drafts: PageDraft[];
  problems: BuildProblem[];
  /** The sizes of the part's images when it was laid out. */
  imageSizes: string;
  compositionKeys: string[];
}

export class PartLayoutCache {
  private cache = new SessionCache<LaidOutPart>();
  private serials = new WeakMap<Part | FrontSection, number>();
  private nextSerial = 0;
  private contextKeys = new WeakMap<LayoutContext, string>();

  startBuild(): void {
    this.cache.startBuild();
  }

  get counters(): { hits: number; misses: number } {
    return { hits: this.cache.hits, misses: this.cache.misses };
  }

  drafts(ctx: LayoutContext, part: Part | FrontSection, layOut: () => PageDraft[]): PageDraft[] {
    let serial = this.serials.get(part);
    if (serial === undefined) this.serials.set(part, (serial = ++this.nextSerial));
    // Notes numbered through the book or by page: a note added in an earlier part, or a page turned, changes this part's marks.
    const marks = ctx.template.footnotes.numbering !== 'article' && part.type === 'part' ? noteRefsIn(part).map((r) => r.mark).join() : '';
    return this.keyed(ctx, `${serial}\u0000${marks}`, layOut, imageSizesOf(ctx, part));
  }

  /** Drafts kept by a key that names all they depend on besides the template, the settings and the sizes of their images. */
  keyed(ctx: LayoutContext, key: string, layOut: () => PageDraft[], imageSizes = ''): PageDraft[] {
    let laidOutNow = false;
    const entry = this.cache.get(`${key}\u0000${this.contextKey(ctx)}`, () => {
      laidOutNow = true;
      const before = ctx.problems.length;
      const recorded = ctx.caches?.composition.recordKeys(layOut) ?? { value: layOut(), keys: [] };
      return { drafts: recorded.value, problems: ctx.problems.slice(before), imageSizes, compositionKeys: recorded.keys };
    }, (kept) => kept.imageSizes === imageSizes);
    if (!laidOutNow) {
      ctx.problems.push(...entry.problems);
      ctx.caches?.composition.keep(entry.compositionKeys);
    }
    return entry.drafts;
  }

  /** The template and settings as text, once a layout (not once a part). */
  private contextKey(ctx: LayoutContext): string {
    let key = this.contextKeys.get(ctx);
    if (key === undefined) this.contextKeys.set(ctx, (key = JSON.stringify([ctx.template, ctx.settings])));
    return key;
  }
}

function imageSizesOf(ctx: LayoutContext, part: Part | FrontSection): string {
  const sizes: unknown[] = [];
  walkBook(part.type === 'part' ? { front: [], parts: [part] } : { front: [part], parts: [] }, (n) => {
    if (n.type === 'figure') sizes.push(ctx.imageSize(n.src) ?? null);
  });
  return JSON.stringify(sizes);
}
