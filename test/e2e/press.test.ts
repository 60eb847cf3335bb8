/**
 * `build --press` on the sample (issue 20), read back with real tools:
 * pdf-lib for the PDF/X structure of every page and object, Ghostscript's
 * inkcov and pamcmyk32 devices for the ink on the plates, qpdf --check for
 * the file's structure, poppler's pdftoppm and zbar's zbarimg for the
 * cover's bar code (all installed by .ci/run). No free validator checks all
 * of PDF/X; the checks here are listed in the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFHexString, PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CMYK_PROFILE } from '../../src/config/index.ts';
import { main } from '../../src/cli/index.ts';
import { loadFonts } from '../../src/io/index.ts';
import type { PagedDocument } from '../../src/layout/index.ts';
import { CASE, renderPressPdf, spineWidthMm } from '../../src/render/index.ts';
import { jpeg, VALID_BOOK_YAML, writeManuscript } from '../helpers/manuscript.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
const NAME = '天津市河西年鉴-2024';
const MM = 72 / 25.4;
/** templates/yearbook-16k.yaml: 210 × 285 mm, 3 mm bleed. */
const TRIM = { w: 210 * MM, h: 285 * MM };
const BLEED = 3 * MM;

let out = '';
let plain = '';
let log = '';

const file = (suffix: string) => join(out, `${NAME}-${suffix}.pdf`);
const load = async (suffix: string) => PDFDocument.load(readFileSync(file(suffix)), { updateMetadata: false });
const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o));

/** Every indirect object's dictionary (a stream's too), for the whole-file checks. */
function dictionaries(doc: PDFDocument): Array<[PDFRef, PDFDict]> {
  return doc.context.enumerateIndirectObjects().flatMap(([ref, obj]): Array<[PDFRef, PDFDict]> =>
    obj instanceof PDFDict ? [[ref, obj]] : obj instanceof PDFRawStream ? [[ref, obj.dict]] : []);
}

describe('build --press (issue 20)', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'nianjian-press-'));
    plain = mkdtempSync(join(tmpdir(), 'nianjian-plain-'));
    const lines: string[] = [];
    expect(await main(['build', MANUSCRIPT, '--out', out, '--press'], (s) => lines.push(s))).toBe(0);
    log = lines.join('\n');
    expect(await main(['build', MANUSCRIPT, '--out', plain], () => {})).toBe(0);
  }, 900_000);

  test('writes the press PDF, the 彩页 and the cover beside the reading PDF, whose bytes do not change', () => {
    expect(log).toContain(`${NAME}-印刷.pdf`);
    expect(readFileSync(join(out, `${NAME}.pdf`)).equals(readFileSync(join(plain, `${NAME}.pdf`)))).toBe(true);
    for (const suffix of ['印刷', '彩页', '封面']) expect(readFileSync(file(suffix)).subarray(0, 8).toString()).toBe('%PDF-1.3');
  });

  test.each(['印刷', '彩页', '封面'])('%s: PDF/X-1a:2001 keys, output intent with the CMYK profile, document IDs', async (suffix) => {
    const doc = await load(suffix);
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(text(info.lookup(PDFName.of('GTS_PDFXVersion')))).toBe('PDF/X-1:2001');
    expect(text(info.lookup(PDFName.of('GTS_PDFXConformance')))).toBe('PDF/X-1a:2001');
    expect(info.lookup(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    for (const key of ['Title', 'CreationDate', 'ModDate']) expect(text(info.lookup(PDFName.of(key))).length).toBeGreaterThan(0);
    const ids = doc.context.trailerInfo.ID as PDFArray;
    expect(ids.size()).toBe(2);
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(text(intent.lookup(PDFName.of('OutputConditionIdentifier')))).toBe('CGATS TR 001');
    const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
    expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(4);
    expect(Buffer.from(decodePDFRawStream(profile).decode()).equals(readFileSync(DEFAULT_CMYK_PROFILE))).toBe(true);
    expect(doc.catalog.get(PDFName.of('Encrypt'))).toBeUndefined();
  });

  test.each(['印刷', '彩页', '封面'])('%s: qpdf --check finds the file sound (syntax, cross-references, streams)', (suffix) => {
    expect(execFileSync('qpdf', ['--check', file(suffix)]).toString()).toContain('No syntax or stream encoding errors found');
  }, 120_000);

  test.each(['印刷', '彩页'])('%s: TrimBox is the template\'s trim and BleedBox 3 mm more on every page, inside a MediaBox with room for the marks', async (suffix) => {
    const doc = await load(suffix);
    const pages = doc.getPages();
    expect(pages.length).toBeGreaterThan(suffix === '彩页' ? 10 : 300);
    for (const page of pages) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      const media = page.getMediaBox();
      expect(near(trim.width, TRIM.w) && near(trim.height, TRIM.h)).toBe(true);
      expect(near(bleed.x, trim.x - BLEED) && near(bleed.y, trim.y - BLEED) && near(bleed.width, TRIM.w + 2 * BLEED) && near(bleed.height, TRIM.h + 2 * BLEED)).toBe(true);
      // The marks start 2 mm beyond the bleed and run 5 mm: the sheet reaches at least 10 mm beyond the trim.
      expect(trim.x - media.x).toBeGreaterThanOrEqual(10 * MM - 0.01);
      expect(media.width - trim.x - trim.width).toBeGreaterThanOrEqual(10 * MM - 0.01);
    }
  });

  test.each(['印刷', '彩页', '封面'])('%s: no RGB, no ICC-based colour, no transparency, no annotations; every font embedded', async (suffix) => {
    const doc = await load(suffix);
    const problems: string[] = [];
    let fonts = 0;
    let images = 0;
    for (const [ref, dict] of dictionaries(doc)) {
      const where = `${ref.toString()}`;
      const cs = dict.get(PDFName.of('ColorSpace'));
      if (cs instanceof PDFName && cs !== PDFName.of('DeviceCMYK') && cs !== PDFName.of('DeviceGray')) problems.push(`${where} ColorSpace ${cs.toString()}`);
      if (cs instanceof PDFArray || cs instanceof PDFRef) problems.push(`${where} ColorSpace ${cs.toString()}`);
      if (dict.get(PDFName.of('SMask')) || dict.get(PDFName.of('Annots'))) problems.push(`${where} SMask or Annots`);
      const group = dict.lookup(PDFName.of('Group'));
      if (group instanceof PDFDict && group.get(PDFName.of('S')) === PDFName.of('Transparency')) problems.push(`${where} transparency group`);
      for (const key of ['CA', 'ca']) {
        const alpha = dict.lookup(PDFName.of(key));
        if (alpha instanceof PDFNumber && alpha.asNumber() < 1) problems.push(`${where} ${key}`);
      }
      if (dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) images++;
      if (dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) {
        fonts++;
        if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => dict.get(PDFName.of(k)))) problems.push(`${where} font not embedded`);
      }
      if (dict.get(PDFName.of('Type')) === PDFName.of('Font') && dict.get(PDFName.of('Subtype')) === PDFName.of('Type1')) problems.push(`${where} a Type 1 font (standard 14?)`);
    }
    // RGB set in a content stream: rg / RG operators, or a DeviceRGB colour space.
    for (const page of doc.getPages()) {
      const contents = page.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
      for (const s of streams) {
        if (!(s instanceof PDFRawStream)) continue;
        const ops = Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
        if (/\s(rg|RG|sc|scn|SC|SCN|gs)\s/.test(` ${ops} `.replace(/\n/g, ' '))) problems.push('RGB or ExtGState operator in a page');
      }
    }
    expect(problems).toEqual([]);
    if (suffix !== '封面') expect(fonts).toBeGreaterThanOrEqual(2);
    if (suffix !== '封面') expect(images).toBeGreaterThan(10);
  });

  test('Ghostscript inkcov: pages print in K only except the 彩页, which print in colour', () => {
    const inkcov = (pdf: string, first: number, last: number) => execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-dUseTrimBox', '-r36', `-dFirstPage=${first}`, `-dLastPage=${last}`, '-sDEVICE=inkcov', '-o', '-', pdf])
      .toString().trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 4).map(Number) as [number, number, number, number]);
    const colourful = ([c, m, y]: number[]) => c! + m! + y! > 0;
    const front = inkcov(file('印刷'), 1, 40);
    const plates = inkcov(file('彩页'), 1, 200);
    // The 彩页 are a run of pages in the book block; every other page carries black alone.
    const coloured = front.map((cov, i) => (colourful(cov) ? i : -1)).filter((i) => i >= 0);
    expect(coloured.length).toBe(plates.length);
    expect(coloured.at(-1)! - coloured[0]! + 1).toBe(plates.length);
    expect(plates.every(colourful)).toBe(true);
    const body = inkcov(file('印刷'), 100, 130);
    expect(body.filter(colourful)).toEqual([]);
    expect(body.filter(([, , , k]) => k > 0).length).toBeGreaterThan(25);
  }, 300_000);

  test('total ink on a 彩页 stays under the SWOP limit (300 %), read from Ghostscript\'s CMYK raster', () => {
    const pam = join(out, 'plate.pam');
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-dUseTrimBox', '-r24', '-dFirstPage=2', '-dLastPage=2', '-sDEVICE=pamcmyk32', '-o', pam, file('彩页')]);
    const bytes = readFileSync(pam);
    expect(bytes.subarray(0, 120).toString('latin1')).toContain('TUPLTYPE CMYK');
    let max = 0;
    for (let i = bytes.indexOf('ENDHDR\n') + 7; i + 3 < bytes.length; i += 4) max = Math.max(max, bytes[i]! + bytes[i + 1]! + bytes[i + 2]! + bytes[i + 3]!);
    const percent = (max / 255) * 100;
    expect(percent).toBeLessThanOrEqual(300);
    expect(percent).toBeGreaterThan(100); // the photos are there, in more than one ink
  }, 120_000);

  test('the cover: back, spine and front of a 精装 case, the spine from the page count and the paper (book.yaml), and its bar code reads as the ISBN', async () => {
    const pageCount = (await load('印刷')).getPageCount();
    // manuscript/book.yaml: 精装, 0.1 mm paper, 2.5 mm boards; boards 3 mm beyond the block, 8 mm hinges.
    const spine = Math.ceil(pageCount / 2) * 0.1 + 2 * 2.5;
    expect(spineWidthMm(pageCount, { type: '精装', paper_caliper_mm: 0.1, board_mm: 2.5 })).toBeCloseTo(spine, 5);
    const page = (await load('封面')).getPage(0);
    const trim = page.getTrimBox();
    expect(trim.width / MM).toBeCloseTo(2 * (210 + CASE.squareMm) + 2 * CASE.hingeMm + spine, 1);
    expect(trim.height / MM).toBeCloseTo(285 + 2 * CASE.squareMm, 1);
    expect((trim.x - page.getBleedBox().x) / MM).toBeCloseTo(CASE.turnInMm, 1);
    expect(log).toContain(`书脊 spine ${spineWidthMm(pageCount, { type: '精装', paper_caliper_mm: 0.1, board_mm: 2.5 })} mm`);
    const png = join(out, 'cover');
    execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', file('封面'), png]);
    const decoded = execFileSync('zbarimg', ['-q', '--raw', '-Sean5.enable', `${png}.png`]).toString().trim().split('\n');
    expect(decoded).toContain('9787573815729');
  }, 120_000);
});

describe('开本 against the template (R-PAGE-8)', () => {
  test('787 mm×1092 mm 1/16 with a 210×285 mm template is an error at book.yaml\'s format line, naming both', async () => {
    const yaml = VALID_BOOK_YAML.replace('889 mm×1194 mm', '787 mm×1092 mm');
    const dir = writeManuscript({ 'book.yaml': yaml, '01-概况.md': '# 概况\n\n## 综述\n\n【概况】 正文。\n' });
    const lines: string[] = [];
    const code = await main(['build', dir, '--out', join(dir, 'out')], (s) => lines.push(s));
    expect(code).toBe(1);
    const formatLine = yaml.split('\n').findIndex((l) => l.startsWith('format:')) + 1;
    const message = lines.join('\n').split('\n').find((l) => l.includes('format-trim-mismatch'));
    expect(message).toContain(`book.yaml:${formatLine}:1: error`);
    expect(message).toContain('787 mm×1092 mm 1/16');
    expect(message).toContain('210 mm×285 mm');
  });

  test('a template whose profile is missing: an error naming the file, and no press file', async () => {
    const template = readFileSync(join(import.meta.dirname, '../../templates/yearbook-16k.yaml'), 'utf8').replace(/icc_profile: \S+/, 'icc_profile: 没有此文件.icc');
    const dir = writeManuscript({ 'book.yaml': VALID_BOOK_YAML, '01-概况.md': '# 概况\n\n## 综述\n\n【概况】 正文。\n', 'templates/yearbook-16k.yaml': template });
    const lines: string[] = [];
    const code = await main(['build', dir, '--out', join(dir, 'out'), '--press'], (s) => lines.push(s));
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('press-profile-missing');
    expect(() => readFileSync(join(dir, 'out', '测试年鉴-2024-印刷.pdf'))).toThrow();
  });

  test('press.standard: PDF/X-4 gives a PDF 1.6 file whose XMP names PDF/X-4', async () => {
    const template = readFileSync(join(import.meta.dirname, '../../templates/yearbook-16k.yaml'), 'utf8').replace('standard: PDF/X-1a', 'standard: PDF/X-4');
    const dir = writeManuscript({ 'book.yaml': VALID_BOOK_YAML, '01-概况.md': '# 概况\n\n## 综述\n\n【概况】 正文。\n', 'templates/yearbook-16k.yaml': template });
    expect(await main(['build', dir, '--out', join(dir, 'out'), '--press'], () => {})).toBe(0);
    const bytes = readFileSync(join(dir, 'out', '测试年鉴-2024-印刷.pdf'));
    expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.6');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const xmp = Buffer.from((doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).getContents()).toString('utf8');
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
  });
});

describe('bleed (issue 20)', () => {
  test('a 彩页 photo that meets the trim prints on into the 3 mm bleed, and no further', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 200, g: 20, b: 20 } } })
      .withIccProfile(DEFAULT_CMYK_PROFILE, { attach: false }).jpeg().toBuffer();
    const W = TRIM.w;
    const H = TRIM.h;
    const paged: PagedDocument = {
      widthPt: W, heightPt: H, anchors: new Map(), outline: [], wordsThousands: 0, index: [],
      pages: [{ index: 0, kind: 'gallery', folio: '', number: '1', isRecto: true, runningHead: '', sources: [], items: [{ kind: 'image', src: 'p.jpg', x: 0, y: 0, width: W, height: H / 2 }] }],
    };
    const fonts = await loadFonts();
    const { bytes } = await renderPressPdf({
      document: paged, fontFiles: new Map(), imageBytes: () => photo, standard: 'PDF/X-1a',
      intent: { icc: readFileSync(DEFAULT_CMYK_PROFILE), condition: 'CGATS TR 001', info: 'test' },
      metadata: { title: 't', author: 'a', subject: 's', language: 'zh-CN', date: new Date(Date.UTC(2024, 10, 1)) },
      sheet: { bleedMm: 3, markOffsetMm: 2, markLengthMm: 5, slugMm: 12, safetyMm: 3, bleedPages: ['gallery'] },
      markFont: fonts.set.roles.heading.regular, slug: () => 'slug',
    });
    const dir = mkdtempSync(join(tmpdir(), 'nianjian-bleed-'));
    writeFileSync(join(dir, 'b.pdf'), bytes);
    // At 72 dpi a pixel is a point; the trim starts 13 mm in (bleed 3 + offset 2 + marks 5 + 3).
    execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', join(dir, 'b.pdf'), join(dir, 'b')]);
    const { data, info } = await sharp(join(dir, 'b.png')).raw().toBuffer({ resolveWithObject: true });
    const red = (xMm: number, yMm: number) => {
      const i = (Math.round(yMm * MM) * info.width + Math.round(xMm * MM)) * info.channels;
      return data[i]! > 120 && data[i + 1]! < 100;
    };
    expect(red(13 + 20, 13 + 20)).toBe(true); // on the page
    expect(red(13 - 1.5, 13 + 20)).toBe(true); // in the bleed, left
    expect(red(13 + 20, 13 - 1.5)).toBe(true); // in the bleed, top
    expect(red(13 - 4.5, 13 + 20)).toBe(false); // beyond the bleed
    expect(red(13 + 20, 13 + 142.5 + 1.5)).toBe(false); // below the photo, which ends mid-page
  });

  test('a cover picture is placed on the front, in CMYK, and one of 200 px across is a warning with its resolution; an RGB photo without a profile is said to be taken as sRGB', async () => {
    const yaml = `${VALID_BOOK_YAML}cover_image: photos/cover.jpg\n`;
    const part = '# 概况\n\n## 综述\n\n【概况】 正文。\n\n![图注](photos/a.jpg "某单位提供")\n';
    const dir = writeManuscript({ 'book.yaml': yaml, '01-概况.md': part, 'photos/cover.jpg': await jpeg(200, 280), 'photos/a.jpg': await jpeg(1200, 800) });
    const lines: string[] = [];
    expect(await main(['build', dir, '--out', join(dir, 'out'), '--press'], (s) => lines.push(s))).toBe(0);
    const warning = lines.join('\n').split('\n').find((l) => l.includes('cover-image-low-resolution'));
    // 200 px over the front and its bleed (210 + 3 mm = 8.39 in): 24 dpi.
    expect(warning).toContain('24 dpi');
    // The figure's JPEG has no ICC profile: taken as sRGB, and the report says so.
    expect(lines.join('\n')).toContain('press-image-assumed-srgb');
    const doc = await PDFDocument.load(readFileSync(join(dir, 'out', '测试年鉴-2024-封面.pdf')), { updateMetadata: false });
    const images = dictionaries(doc).filter(([, d]) => d.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images.map(([, d]) => d.get(PDFName.of('ColorSpace')))).toEqual([PDFName.of('DeviceCMYK')]);
  });
});
