/**
 * A Word file → HTML with mammoth and a style map, with every paragraph
 * stamped with its number (so that a note can say 第 12 段), and images
 * kept in memory under stable names.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { NoteList } from './notes.ts';

/** Marks the start of paragraph N in mammoth's output: U+E000 N U+E001 (private use, never in a submission). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
export const PARAGRAPH_MARK = /\uE000(\d+)\uE001/g;

/** Word's heading styles, in the names Word and LibreOffice give them (English and Chinese UI). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
    `p[style-name='heading ${n}'] => h${n}:fresh`,
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
  ]),
  "r[style-name='Footnote Characters'] => ",
  "r[style-name='Footnote Anchor'] => ",
  "r[style-name='footnote reference'] => ",
];

export interface ExtractedImage {
  /** The name under photos/, e.g. 区委组织部-01.jpg. */
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface DocxHtml {
  html: string;
  images: ExtractedImage[];
  zip: JSZip;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/tiff': 'tif',
  'image/x-emf': 'emf', 'image/x-wmf': 'wmf', 'image/svg+xml': 'svg', 'image/webp': 'webp',
};

interface MammothNode { type: string; children?: MammothNode[]; value?: string }

/** Stamps each paragraph, in pre-order (as docx-scan counts them), with its number. */
function stampParagraphs(document: MammothNode): MammothNode {
  let n = 0;
  const walk = (node: MammothNode) => {
    if (node.type === 'paragraph') {
      n++;
      node.children = [{ type: 'text', value: `${MARK_OPEN}${n}${MARK_CLOSE}` }, ...(node.children ?? [])];
    }
    for (const c of node.children ?? []) if (c.type !== 'text') walk(c);
  };
  walk(document);
  return document;
}

/** Word → HTML; `stem` names the images (stem-01.jpg …). Throws what JSZip throws for a file that is no zip. */
export async function docxToHtml(bytes: Uint8Array, stem: string, notes: NoteList): Promise<DocxHtml> {
  const zip = await JSZip.loadAsync(bytes);
  const images: ExtractedImage[] = [];
  const convertImage = mammoth.images.imgElement(async (image) => {
    const data = await image.readAsBuffer();
    const ext = EXTENSIONS[image.contentType] ?? 'bin';
    const name = `${stem}-${String(images.length + 1).padStart(2, '0')}.${ext}`;
    images.push({ name, bytes: new Uint8Array(data), contentType: image.contentType });
    return { src: `photos/${name}` };
  });
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
    styleMap: STYLE_MAP, convertImage, transformDocument: stampParagraphs, ignoreEmptyParagraphs: false,
  });
  for (const m of result.messages) {
    // Styles with no meaning for the book are no news; anything else mammoth says is passed on.
    if (/^Unrecognised (paragraph|run|table) style/.test(m.message)) continue;
    notes.info('reader', '', `读取 Word 文件时：${m.message}`);
  }
  return { html: result.value, images, zip };
}
