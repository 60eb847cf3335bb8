/**
 * The book → EPUB 3 bytes: one XHTML document per part, the front matter,
 * the index with linked locators, a nav document with the TOC down to 条目
 * level, landmarks and a page-list of the print pages; zipped in a fixed
 * order with fixed times, mimetype first and stored, so that two builds
 * are byte-identical. Never sees the layout: print page numbers come in as
 * a function.
 */
import { createHash } from 'node:crypto';
import { ebookIdentifier, type IndexGroup, type TocItem } from '../../derive/index.ts';
import { blockKey, type Book, walkBook } from '../../model/index.ts';
import { accessFacts, accessibilityMetadata } from './accessibility.ts';
import type { ContentContext } from './content.ts';
import { partBody } from './content.ts';
import { committeeDocument, copyrightDocument, frontSectionDocument, indexDocument, navDocument, titleDocument, xhtml } from './documents.ts';
import { CONTAINER_XML, FONT_FACES, type ManifestItem, packageDocument, STYLE_CSS } from './package.ts';
import { type PageBreak, pageBreakId } from './page-breaks.ts';
import { startZip, type ZipEntry, type ZipWriter } from './zip.ts';

export interface EpubInput {
  book: Book;
  toc: readonly TocItem[];
  index: readonly IndexGroup[];
  /** The print page an anchor stands on (from the PDF layout), for the index and the page-list. */
  printPageOf(anchor: string): number | undefined;
  /** Where each print page of the body begins (from the layout): the page-list links to that character (issue 19). */
  pageBegins?: ReadonlyMap<number, PageBegin>;
  /** The print page numbers of the index: the page-list sends them to the index. */
  indexPages?: readonly number[];
  /** The last numbered page of the body (the index included). */
  lastBodyPage: number;
  wordsThousands: number;
  /** Images for screens (JPEG), by manuscript path: the paths at once, the images when made. */
  images: ReadonlyMap<string, Promise<Uint8Array>>;
  cover: Promise<Uint8Array>;
  date: Date;
  /** Makes font subsets for the given text (book.yaml epub.embed_fonts); none when fonts are not embedded. */
  subsetFonts?: (text: string) => Promise<{ body: Uint8Array; heading: Uint8Array }>;
}

/**
 * A photo's name in the EPUB: its file name, and a hash of its whole path,
 * so photos of the same name in two folders, or one named cover.jpg, stay
 * apart (issue 16).
 */
const imageName = (src: string) => {
  const base = src.replace(/^.*\//, '').replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]/gu, '_').slice(0, 60);
  return `${base}-${createHash('sha256').update(src).digest('hex').slice(0, 8)}.jpg`;
};

/** Where a print page begins: at a titled place, or inside a block's text (see the layout's PageBegin). */
export type PageBegin = { anchor: string } | { block: string; offset: number };

/**
 * Which document each anchor id and each text block lives in, and the
 * reading order of both (keys `#id` and `@block`), for the page-list.
 */
function placesOf(book: Book, partFile: (i: number) => string, frontFile: (i: number) => string): { files: Map<string, string>; order: Map<string, number> } {
  const files = new Map<string, string>();
  const order = new Map<string, number>();
  const note = (key: string, file: string) => {
    files.set(key, file);
    if (!order.has(key)) order.set(key, order.size);
  };
  book.front.forEach((f, i) => walkBook({ ...book, parts: [], front: [f] }, (n) => 'id' in n && files.set(`#${n.id}`, frontFile(i))));
  book.parts.forEach((p, i) => {
    walkBook({ ...book, front: [], parts: [p] }, (n) => {
      if ('id' in n) note(`#${n.id}`, partFile(i));
      const key = 'source' in n ? blockKey(n.source) : undefined;
      if (key) note(`@${key}`, partFile(i));
      const inl = n.type === 'entry' ? n.lead : n.type === 'paragraph' || n.type === 'chronicleItem' ? n.children : [];
      for (const x of inl) if (x.type === 'indexTerm') note(`#${x.id}`, partFile(i));
    });
  });
  return { files, order };
}

interface ListedPage {
  label: string;
  href: string;
  /** The page's marker goes into this block's text at this offset. */
  marker?: { block: string; offset: number };
}

/**
 * page-list: every print page of the body, so that a citation by page can be
 * followed. A page links to the character it begins with (issue 19), or to
 * the place it opens with; a page with no text of its own links to the
 * place that runs onto it; the index's pages link to the index. The list
 * keeps reading order (EPUB NAV-011), though a float or a turned table may
 * print a place on a later page: such a page links on to the place before.
 */
function pageList(places: ReturnType<typeof placesOf>, hrefOf: (a: string) => string | undefined, begins: ReadonlyMap<number, PageBegin>, lastPage: number, indexPages: readonly number[]): ListedPage[] {
  const index = new Set(indexPages);
  const out: ListedPage[] = [];
  let current: { href: string; rank: [number, number] } | undefined;
  const later = (rank: [number, number]) => !current || rank[0] > current.rank[0] || (rank[0] === current.rank[0] && rank[1] >= current.rank[1]);
  for (let page = 1; page <= lastPage; page++) {
    const label = String(page);
    const begin = begins.get(page);
    if (index.has(page)) {
      current = { href: INDEX_HREF, rank: [Number.POSITIVE_INFINITY, 0] };
      out.push({ label, href: INDEX_HREF });
      continue;
    }
    if (begin && 'block' in begin) {
      const file = places.files.get(`@${begin.block}`);
      const rank: [number, number] = [places.order.get(`@${begin.block}`) ?? -1, begin.offset];
      if (file && later(rank)) {
        current = { href: `${file}#${pageBreakId(label)}`, rank };
        out.push({ label, href: current.href, marker: begin });
        continue;
      }
    } else if (begin) {
      const href = hrefOf(begin.anchor);
      const rank: [number, number] = [places.order.get(`#${begin.anchor}`) ?? -1, 0];
      if (href && later(rank)) current = { href, rank };
    }
    if (current) out.push({ label, href: current.href });
  }
  return out;
}

/** The markers each block's text gets, by block key. */
function markersByBlock(pages: readonly ListedPage[]): Map<string, PageBreak[]> {
  const out = new Map<string, PageBreak[]>();
  for (const p of pages) {
    if (!p.marker) continue;
    const list = out.get(p.marker.block) ?? [];
    list.push({ offset: p.marker.offset, label: p.label });
    out.set(p.marker.block, list);
  }
  return out;
}

const INDEX_HREF = 'index.xhtml#index';

/**
 * The EPUB's bytes. Everything but the photos, cover and fonts is made and
 * handed to the zip before this returns its promise: a caller that goes on
 * with other work has the text compressed meanwhile.
 */
export function renderEpub(input: EpubInput): Promise<Uint8Array> {
  const { book } = input;
  const s = book.settings;
  const partFile = (i: number) => `part-${String(i + 1).padStart(2, '0')}.xhtml`;
  const frontFile = (i: number) => `front-${String(i + 1).padStart(2, '0')}.xhtml`;
  const places = placesOf(book, partFile, frontFile);
  const hrefOf = (anchor: string) => (anchor === 'index' ? 'index.xhtml' : places.files.has(`#${anchor}`) ? `${places.files.get(`#${anchor}`)}#${anchor}` : undefined);
  const pages = pageList(places, hrefOf, input.pageBegins ?? new Map(), input.lastBodyPage, input.indexPages ?? []);
  const markers = markersByBlock(pages);
  const ctx: ContentContext = {
    imageHref: (src) => `images/${imageName(src)}`,
    pageBreaks: (source) => {
      const key = blockKey(source);
      return key ? markers.get(key) : undefined;
    },
  };

  const identifier = ebookIdentifier(s, (t) => createHash('sha1').update(t).digest('hex'));
  const docs: Array<{ name: string; text: string; title: string }> = [
    { name: 'title.xhtml', text: titleDocument(s), title: '书名页' },
    { name: 'copyright.xhtml', text: copyrightDocument(s, input.wordsThousands, identifier), title: '版权页' },
  ];
  const committee = committeeDocument(s);
  if (committee) docs.push({ name: 'committee.xhtml', text: committee, title: '编辑委员会' });
  book.front.forEach((f, i) => docs.push({ name: frontFile(i), text: frontSectionDocument(ctx, f), title: f.title }));
  book.parts.forEach((p, i) => docs.push({ name: partFile(i), text: xhtml(p.title, [partBody(ctx, p)], { bodyType: 'bodymatter' }), title: p.title }));
  const pageHref = (page: number) => pages.find((p) => p.label === String(page))?.href;
  docs.push({ name: 'index.xhtml', text: indexDocument(input.index, hrefOf, pageHref), title: '索引' });

  const firstPart = partFile(0);
  const nav = navDocument({
    toc: input.toc, hrefOf,
    extra: [...docs.filter((d) => !d.name.startsWith('part-') && d.name !== 'index.xhtml').map((d) => ({ title: d.title, href: d.name }))],
    landmarks: [
      { type: 'titlepage', title: '书名页', href: 'title.xhtml' }, { type: 'toc', title: '目录', href: 'nav.xhtml' },
      { type: 'bodymatter', title: '正文', href: firstPart }, { type: 'index', title: '索引', href: 'index.xhtml' },
    ],
    pages,
    tail: input.index.length > 0 ? [{ title: '索引', href: INDEX_HREF }] : [],
  });
  const images = [...new Set([...input.images.keys()])].sort().map((src) => ({ src, name: `images/${imageName(src)}` }));
  const manifest: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', type: 'application/xhtml+xml', properties: 'nav' },
    { id: 'css', href: 'style.css', type: 'text/css' },
    { id: 'cover', href: 'images/cover.jpg', type: 'image/jpeg', properties: 'cover-image' },
    ...docs.map((d, i) => ({ id: `doc${i + 1}`, href: d.name, type: 'application/xhtml+xml' })),
    ...images.map((img, i) => ({ id: `img${i + 1}`, href: img.name, type: 'image/jpeg' })),
    ...(input.subsetFonts ? [{ id: 'font-body', href: 'fonts/body.ttf', type: 'font/ttf' }, { id: 'font-heading', href: 'fonts/heading.ttf', type: 'font/ttf' }] : []),
  ];
  // Reading order (R-YB-1): front matter, 彩页, then the 目录 (the nav document), the parts and the index.
  const spine = docs.map((_, i) => `doc${i + 1}`);
  spine.splice(docs.findIndex((d) => d.name.startsWith('part-')), 0, 'nav');
  const access = accessibilityMetadata(accessFacts(book, input.index.length > 0, pages.length > 0));
  const opf = packageDocument(s, identifier, input.date, manifest, spine, access);

  // The text goes into the zip now, so that it is deflated while photos, cover and fonts are made.
  const zip = startZip(input.date);
  const texts: ZipEntry[] = [
    { name: 'mimetype', bytes: 'application/epub+zip', compress: false },
    { name: 'META-INF/container.xml', bytes: CONTAINER_XML, compress: true },
    { name: 'OEBPS/content.opf', bytes: opf, compress: true },
    { name: 'OEBPS/nav.xhtml', bytes: nav, compress: true },
    { name: 'OEBPS/style.css', bytes: input.subsetFonts ? `${STYLE_CSS}${FONT_FACES}` : STYLE_CSS, compress: true },
    ...docs.map((d) => ({ name: `OEBPS/${d.name}`, bytes: d.text, compress: true })),
  ];
  for (const e of texts) zip.add(e);
  // Subsets cover exactly the characters of the documents as written, markup-added ones (【】) included.
  const fonts = input.subsetFonts?.([nav, ...docs.map((d) => d.text)].join(''));
  const photos = Promise.all(images.map(async (img) => ({ name: `OEBPS/${img.name}`, bytes: await input.images.get(img.src)! })));
  return addMedia(zip, Promise.all([fonts, input.cover, photos]));
}

type Media = [fonts: { body: Uint8Array; heading: Uint8Array } | undefined, cover: Uint8Array, photos: Array<{ name: string; bytes: Uint8Array }>];

/** Fonts, cover and photos, once made, after the text; then the finished zip. */
async function addMedia(zip: ZipWriter, media: Promise<Media>): Promise<Uint8Array> {
  let made: Media;
  try {
    made = await media;
  } catch (error) {
    zip.end().catch(() => undefined);
    throw error;
  }
  const [fonts, cover, photos] = made;
  if (fonts) {
    zip.add({ name: 'OEBPS/fonts/body.ttf', bytes: fonts.body, compress: true });
    zip.add({ name: 'OEBPS/fonts/heading.ttf', bytes: fonts.heading, compress: true });
  }
  zip.add({ name: 'OEBPS/images/cover.jpg', bytes: cover, compress: false });
  for (const p of photos) zip.add({ ...p, compress: false });
  return zip.end();
}
