/**
 * Photos for the press PDF: CMYK through the output profile (彩页, and the
 * body when it prints in four colours), or grey for a body printed in one
 * colour. A JPEG that is already right (CMYK, or grey) goes in as it is. An
 * RGB photo without a profile is taken as sRGB, as libvips does, and the
 * report says so. Each result is kept in the image cache by its source bytes.
 */
import { createHash } from 'node:crypto';
import type { DisplayItem, PagedDocument } from '../layout/index.ts';
import { PT_PER_INCH } from '../units/index.ts';
import { type ImageCache, loadSharp } from './build-epub.ts';

export type PressColour = 'cmyk' | 'grey';

/** The press resolution: below it a photo prints soft (issue 20: a warning with its page). */
export const MIN_PRESS_DPI = 300;

export interface PressImageFacts {
  /** Photos printed below 300 dpi: where, and at what resolution. */
  lowResolution: Array<{ src: string; pageIndex: number; number: string; dpi: number }>;
  /** RGB photos without an ICC profile, converted as sRGB. */
  assumedSrgb: string[];
}

/** How each photo prints: CMYK if any page that shows it is in colour, grey otherwise. */
export function pressColours(paged: PagedDocument, colourPage: (kind: string) => boolean): Map<string, PressColour> {
  const colours = new Map<string, PressColour>();
  for (const page of paged.pages) {
    forEachImage(page.items, (item) => {
      if (colourPage(page.kind)) colours.set(item.src, 'cmyk');
      else if (!colours.has(item.src)) colours.set(item.src, 'grey');
    });
  }
  return colours;
}

function forEachImage(items: readonly DisplayItem[], f: (item: Extract<DisplayItem, { kind: 'image' }>) => void): void {
  for (const item of items) {
    if (item.kind === 'image') f(item);
    else if (item.kind === 'group') forEachImage(item.items, f);
  }
}

export interface Probe {
  widthPx: number;
  space: string;
  channels: number;
  hasProfile: boolean;
  isJpeg: boolean;
}

async function probe(bytes: Uint8Array): Promise<Probe> {
  const m = await loadSharp()(bytes).metadata();
  return { widthPx: m.width ?? 0, space: m.space ?? 'srgb', channels: m.channels ?? 3, hasProfile: m.hasProfile === true, isJpeg: m.format === 'jpeg' };
}

/** A JPEG that already has the colour it prints in. */
const alreadyRight = (p: Probe, colour: PressColour) => p.isJpeg && (p.channels === 1 || (colour === 'cmyk' && p.space === 'cmyk'));

async function convert(bytes: Uint8Array, colour: PressColour, profilePath: string): Promise<Uint8Array> {
  const image = loadSharp()(bytes).flatten({ background: '#ffffff' }); // X-1a has no transparency: an alpha channel goes on white paper
  const out = colour === 'grey'
    ? image.toColourspace('b-w')
    : image.withIccProfile(profilePath, { attach: false }); // to the output profile's CMYK; the PDF names it in its output intent
  return new Uint8Array(await out.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer());
}

/** A short key of the output profile, for the image cache. */
export const profileKeyOf = (profileBytes: Uint8Array) => createHash('sha256').update(profileBytes).digest('hex').slice(0, 16);

/** One photo made ready for the press (or passed through when it already is), with what its source is. */
export async function pressImage(source: Uint8Array, colour: PressColour, profilePath: string, profileKey: string, cache: ImageCache | undefined): Promise<{ bytes: Uint8Array; probe: Probe }> {
  const p = await probe(source);
  if (alreadyRight(p, colour)) return { bytes: source, probe: p };
  const key = `press-${colour}-${profileKey}-${createHash('sha256').update(source).digest('hex')}`;
  const cached = await cache?.get(key);
  const made = cached ?? await convert(source, colour, profilePath);
  if (!cached) await cache?.set(key, made);
  return { bytes: made, probe: p };
}

/**
 * The press-ready bytes of each photo, and what the report should say about
 * them: resolution as printed (pixels across ÷ inches across) and photos
 * taken as sRGB.
 */
export async function pressImages(
  paged: PagedDocument, images: ReadonlyMap<string, Uint8Array>, colours: ReadonlyMap<string, PressColour>,
  profilePath: string, profileBytes: Uint8Array, cache: ImageCache | undefined,
): Promise<{ bytes: Map<string, Uint8Array>; facts: PressImageFacts }> {
  const profileKey = profileKeyOf(profileBytes);
  const probes = new Map<string, Probe>();
  const bytes = new Map<string, Uint8Array>();
  await Promise.all([...colours].map(async ([src, colour]) => {
    const source = images.get(src);
    if (!source) return;
    const made = await pressImage(source, colour, profilePath, profileKey, cache);
    probes.set(src, made.probe);
    bytes.set(src, made.bytes);
  }));
  const facts: PressImageFacts = {
    lowResolution: [],
    assumedSrgb: [...probes].filter(([, p]) => p.channels >= 3 && p.space !== 'cmyk' && !p.hasProfile).map(([src]) => src).sort(),
  };
  for (const page of paged.pages) {
    forEachImage(page.items, (item) => {
      const p = probes.get(item.src);
      if (!p || item.width <= 0) return;
      const dpi = Math.round(p.widthPx / (item.width / PT_PER_INCH));
      if (dpi < MIN_PRESS_DPI) facts.lowResolution.push({ src: item.src, pageIndex: page.index, number: page.number, dpi });
    });
  }
  return { bytes, facts };
}
