/**
 * Text as SVG glyph outlines, for images made without the machine's fonts
 * (the EPUB cover, placeholder photos).
 */
import type { Font } from './index.ts';

interface OutlineRun {
  glyphs: Array<{ path: { toSVG(): string } }>;
  positions: Array<{ xAdvance: number }>;
}

/** `<path>` elements for `text`, `sizePx` high, centred on `cx`, baseline at `y`. */
export function textPathSvg(font: Font, text: string, sizePx: number, cx: number, y: number): string {
  const run = font.layout(text) as OutlineRun;
  const scale = sizePx / font.unitsPerEm;
  const widthPx = run.positions.reduce((w, p) => w + p.xAdvance, 0) * scale;
  let x = cx - widthPx / 2;
  return run.glyphs.map((g, i) => {
    const at = `translate(${x.toFixed(1)} ${y}) scale(${scale} ${-scale})`;
    x += run.positions[i]!.xAdvance * scale;
    return `<path transform="${at}" d="${g.path.toSVG()}"/>`;
  }).join('');
}
