/**
 * Where a JPEG or a PNG ends. A JPEG: the byte after its EOI marker, found by walking its
 * segments and scans, not by looking for FF D9 at the file's end. A phone's
 * Motion Photo carries a video after the EOI, some cameras pad the file
 * with zeros, and the EXIF thumbnail inside APP1 has an EOI of its own: the
 * end of the file says nothing of whether the picture is whole.
 */

/** Markers without a length: SOI, EOI, TEM, RST0–7. */
const standsAlone = (m: number) => m === 0xd8 || m === 0xd9 || m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** The offset just past the JPEG's EOI, or undefined when the data ends first (a truncated file) or is no JPEG. */
export function jpegEnd(b: Uint8Array): number | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const m = b[i + 1]!;
    if (m === 0xff) { i++; continue; } // fill bytes before a marker
    if (m === 0xd9) return i + 2;
    if (standsAlone(m)) { i += 2; continue; }
    if (i + 3 >= b.length) return undefined;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (length < 2) return undefined;
    i += 2 + length;
    if (m !== 0xda) continue;
    // Entropy-coded data after SOS: it ends at the first marker that is not FF00 or a restart marker.
    while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
  }
  return undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The offset just past a PNG's IEND chunk, walking its chunks; undefined when the data ends first or is no PNG. */
export function pngEnd(b: Uint8Array): number | undefined {
  if (!PNG_SIGNATURE.every((x, i) => b[i] === x)) return undefined;
  for (let i = 8; i + 12 <= b.length;) {
    const length = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    const end = i + 12 + length;
    if (end > b.length) return undefined;
    if (b[i + 4] === 0x49 && b[i + 5] === 0x45 && b[i + 6] === 0x4e && b[i + 7] === 0x44) return end;
    i = end;
  }
  return undefined;
}

/** Where the picture in `b` ends, for a JPEG or a PNG; undefined for other formats or a file cut short. */
export const imageEnd = (b: Uint8Array, format: string): number | undefined => (format === 'jpeg' ? jpegEnd(b) : format === 'png' ? pngEnd(b) : undefined);
