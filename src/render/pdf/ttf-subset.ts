/**
 * pdfkit embeds a TrueType font through fontkit's TTFSubset, which decodes
 * the whole outline of every glyph it copies, only to learn whether the
 * glyph is composite, and then again for its metrics when the font has no
 * vmtx (fontkit takes the vertical metrics from the outline's box). For the
 * sample's glyphs that was 90 ms of the PDF's drawing and 48 MB of objects
 * made to be thrown away. A simple glyph's bytes are copied unchanged either
 * way, so here the contour count is read from the glyph's first two bytes and
 * the advance and left side bearing from hmtx, as fontkit's own metrics do;
 * composite glyphs still go through fontkit, which renumbers their parts.
 * The font program is the same bytes (test/ttf-subset.test.ts).
 */

/** fontkit's TTFFont, as far as the subset reads it. */
interface TrueTypeFont {
  loca?: { offsets: ArrayLike<number> };
  hmtx?: { metrics: { length: number; get(i: number): { advance: number; bearing: number } }; bearings: { get(i: number): number | undefined } };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
}

/** fontkit's TTFSubset while it encodes. */
interface TrueTypeSubset {
  font: TrueTypeFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  _addGlyph(gid: number): number;
}

const isTrueTypeSubset = (s: unknown): s is TrueTypeSubset => {
  const t = s as Partial<TrueTypeSubset>;
  return typeof t._addGlyph === 'function' && t.font?.loca !== undefined && t.font.hmtx !== undefined;
};

/** hmtx's advance and left side bearing of `gid`: the last advance repeats past numberOfHMetrics. */
function horizontalMetrics(font: TrueTypeFont, gid: number): { advance: number; bearing: number } {
  const { metrics, bearings } = font.hmtx!;
  if (gid < metrics.length) {
    const { advance, bearing } = metrics.get(gid);
    return { advance, bearing };
  }
  return { advance: metrics.length > 0 ? metrics.get(metrics.length - 1).advance : 0, bearing: bearings.get(gid - metrics.length) ?? 0 };
}

/** Makes `subset` (a pdfkit font's `subset`) copy simple glyphs without decoding them; anything else is left to fontkit. */
export function quickenSubset(subset: unknown): void {
  if (!isTrueTypeSubset(subset) || subset.font._variationProcessor) return;
  const viaFontkit = subset._addGlyph.bind(subset);
  const { font } = subset;
  subset._addGlyph = (gid: number): number => {
    const start = font.loca!.offsets[gid]!;
    const length = font.loca!.offsets[gid + 1]! - start;
    const stream = font._getTableStream('glyf');
    if (!stream) return viaFontkit(gid);
    stream.pos += start;
    const bytes = stream.readBuffer(length);
    // numberOfContours, a signed 16-bit number: below 0 the glyph is made of others.
    if (length >= 2 && (bytes[0]! & 0x80) !== 0) return viaFontkit(gid);
    subset.glyf.push(bytes);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push(horizontalMetrics(font, gid));
    subset.offset += length;
    return subset.glyf.length - 1;
  };
}
