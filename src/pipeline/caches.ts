/**
 * What a watch or preview session keeps between builds, behind one
 * interface: image probes, parsed files, composed paragraphs, laid-out
 * parts, drawn pages and font subsets. A plain `build` has
 * none of it.
 */
import { CompositionCache } from '../compose/index.ts';
import { ImageProbeCache } from '../io/index.ts';
import { PartLayoutCache } from '../layout/index.ts';
import { ParseCache } from '../parse/index.ts';
import { RenderCache } from '../render/index.ts';

export interface SessionCaches {
  images: ImageProbeCache;
  parse: ParseCache;
  composition: CompositionCache;
  parts: PartLayoutCache;
  render: RenderCache;
}

export function newCaches(): SessionCaches {
  return { images: new ImageProbeCache(), parse: new ParseCache(), composition: new CompositionCache(), parts: new PartLayoutCache(), render: new RenderCache() };
}

/** The layout and render caches start a build (the probe and parse caches start theirs when they are used). */
export function startBuild(caches: SessionCaches | undefined): void {
  caches?.composition.startBuild();
  caches?.parts.startBuild();
  caches?.render.startBuild();
}

/** What a rebuild did again and what it reused: files parsed, parts laid out, paragraphs composed, pages deflated. */
export function reuseLine(c: SessionCaches): string {
  const { parse, parts, composition, render } = c;
  return `解析 files parsed ${parse.files.misses}, reused ${parse.files.hits} · 排版 parts laid out ${parts.counters.misses}, reused ${parts.counters.hits}`
    + ` · 排段 paragraphs composed ${composition.counters.misses}, reused ${composition.counters.hits} · 页面 pages drawn ${render.drawn.misses}, kept ${render.drawn.hits}`;
}
