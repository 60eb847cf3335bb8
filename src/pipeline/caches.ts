/**
 * What a watch or preview session keeps between builds, behind one
 * interface: image probes, parsed files, the layout's caches (composed
 * paragraphs, laid-out parts, page identities), drawn pages and font
 * subsets, the manifest's hashes. A plain `build` has none of it.
 */
import { ImageProbeCache } from '../io/index.ts';
import { LayoutCaches } from '../layout/index.ts';
import { ParseCache } from '../parse/index.ts';
import { RenderCache } from '../render/index.ts';
import { ManifestMemo } from './manifest-memo.ts';

export interface SessionCaches {
  images: ImageProbeCache;
  parse: ParseCache;
  layout: LayoutCaches;
  render: RenderCache;
  manifest: ManifestMemo;
}

export function newCaches(): SessionCaches {
  return { images: new ImageProbeCache(), parse: new ParseCache(), layout: new LayoutCaches(), render: new RenderCache(), manifest: new ManifestMemo() };
}

/** The layout and render caches start a build (the probe and parse caches start theirs when they are used). */
export function startBuild(caches: SessionCaches | undefined): void {
  caches?.layout.startBuild();
  caches?.render.startBuild();
}

/** What a rebuild did again and what it reused: files parsed, parts laid out, paragraphs composed, pages deflated. */
export function reuseLine(c: SessionCaches): string {
  const { parse, render } = c;
  const { parts, composition } = c.layout;
  return `解析 files parsed ${parse.files.misses}, reused ${parse.files.hits} · 排版 parts laid out ${parts.counters.misses}, reused ${parts.counters.hits}`
    + ` · 排段 paragraphs composed ${composition.counters.misses}, reused ${composition.counters.hits} · 页面 pages drawn ${render.drawn.misses}, kept ${render.drawn.hits}`;
}
