/**
 * The nianjian command line: argument parsing, calls into io and build,
 * the report on the terminal, and exit codes (1 on errors).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildEpub, checkFormatAgainstTemplate, checkManuscript, layoutForPrint, pageOfSource, type PdfBuild, preflightReport, renderPrint, reportProblems, type SourcePlace,
} from '../build/index.ts';
import { loadTemplate } from '../config/index.ts';
import { isWordCountOff } from '../derive/index.ts';
import { countMessages, formatMessages, hasErrors, report, type VFile } from '../diagnostics/index.ts';
import { createFontProvider } from '../font/index.ts';
import {
  buildDate, createManuscript, diskImageCache, draftDate, imageSizeOf, type LoadedFonts, loadFonts, manuscriptRevision, readImageBytes, readManuscript,
  type ReadManuscript, readTemplateFile, writeAtomic,
} from '../io/index.ts';
import type { PagedDocument } from '../layout/index.ts';
import { type Book, walkBook } from '../model/index.ts';
import type { BookStats } from '../parse/index.ts';
import { writePressFiles } from './press.ts';
import { preview } from './preview.ts';
import { terminalProgress } from './progress.ts';
import { newCaches, remember, reuseLine, type Session, startBuild } from './session.ts';
import { watchManuscript } from './watch.ts';

const USAGE = `用法 usage:
  nianjian check [书稿目录]            检查书稿（默认 manuscript/）
  nianjian build [书稿目录] [--out 目录]  生成印刷 PDF 与 EPUB 到 output/
  nianjian watch [书稿目录]            生成一次，之后每次修改书稿自动重新生成
  nianjian preview [书稿目录] [--port 端口]  同 watch，并在浏览器中预览 PDF 与检查报告（默认端口 8420）
  nianjian init <目录>                 新建一部年鉴书稿（可立即生成）
选项: --verbose  同时列出规范化提示（info）   --frail  有警告也以 1 退出
      --press    另生成印刷文件：<书名>-<年份>-印刷.pdf（PDF/X，出血与裁切线）、-彩页.pdf、-封面.pdf
      --draft    校样：每页印日期与书稿版本，条目旁注书稿行号（文件名另加“-校样”）`;

interface Args {
  command: string;
  dir: string;
  out: string;
  verbose: boolean;
  frail: boolean;
  draft: boolean;
  /** build --press: the printer's PDF/X files too (cli/press.ts). */
  press: boolean;
  port: number;
}

function parseArgs(argv: string[]): Args | string {
  const [command = 'help', ...rest] = argv;
  const args: Args = { command, dir: 'manuscript', out: 'output', verbose: false, frail: false, draft: false, press: false, port: 8420 };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out') args.out = rest[++i] ?? args.out;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--frail') args.frail = true;
    else if (a === '--draft') args.draft = true;
    else if (a === '--press') args.press = true;
    else if (a === '--port') {
      const port = Number(rest[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `端口应为 0–65535 的整数 --port needs a number: ${rest[i] ?? ''}`;
      args.port = port;
    }
    else if (a.startsWith('-')) return `未知选项 unknown option: ${a}`;
    else positional.push(a);
  }
  if (positional[0]) args.dir = positional[0];
  return args;
}

function summary(stats: BookStats): string {
  return [
    `篇 parts ${stats.parts}`, `章 chapters ${stats.chapters}`, `分目 sections ${stats.sections}`,
    `条目 entries ${stats.entries}`, `图片 figures ${stats.figures}`, `图片组 galleries ${stats.galleries}`,
    `表格 tables ${stats.tables}`, `索引词 index terms ${stats.indexTerms}`, `字符 characters ${stats.characters}`,
  ].join(' · ');
}

/** The preflight report next to the outputs: every finding by kind, with its place (also when nothing was built). */
async function writeReport(args: Args, files: VFile[], title: string, started: number, pages?: number): Promise<void> {
  const c = countMessages(files);
  const html = preflightReport(files, { title, seconds: (performance.now() - started) / 1000, counts: { error: c.fatal + c.error, warning: c.warning, info: c.info }, ...(pages !== undefined ? { pages } : {}) });
  await writeAtomic(join(args.out, `${title}-report.html`), html);
}

function finish(args: Args, files: VFile[], out: (s: string) => void): number {
  const report = formatMessages(files, { includeInfo: args.verbose });
  if (report) out(report);
  const c = countMessages(files);
  out(`${c.fatal + c.error} 个错误 errors, ${c.warning} 个警告 warnings, ${c.info} 条提示 info`);
  if (c.fatal + c.error > 0) return 1;
  return args.frail && c.warning > 0 ? 1 : 0;
}

async function check(args: Args, out: (s: string) => void): Promise<number> {
  const read = await readManuscript(args.dir);
  const result = checkManuscript(read.files, read.all);
  out(summary(result.stats));
  return finish(args, result.files, out);
}

function argvDir(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => !a.startsWith('-'));
}

/** nianjian init <dir>: a new yearbook from templates/new-book, with the default page template; it builds at once. */
async function init(_args: Args, dir: string | undefined, out: (s: string) => void): Promise<number> {
  if (!dir) {
    out(`请给出新书稿的目录：nianjian init 目录名\n${USAGE}`);
    return 2;
  }
  const made = await createManuscript(dir);
  if (made !== 'ok') {
    out(`${dir}：${made}`);
    return 1;
  }
  out(`已在 ${dir} 建立新书稿：book.yaml、front/、01-概况.md、photos/、templates/。下一步：npx nianjian build ${dir}`);
  return 0;
}

async function makeEpub(args: Args, book: Book, paged: PagedDocument, imageBytes: Map<string, Uint8Array>, loaded: LoadedFonts): Promise<{ target: string; bytes: Uint8Array }> {
  const roleBytes = (role: 'body' | 'heading') => loaded.bytes.get(loaded.set.roles[role].regular.postscriptName)!;
  const bytes = await buildEpub({
    book, paged, imageBytes, coverFont: loaded.set.roles.heading.regular, date: buildDate(book.settings.build_date),
    fontFiles: { body: roleBytes('body'), heading: roleBytes('heading') }, cache: diskImageCache(args.out),
  });
  return { target: join(args.out, `${book.settings.title}-${book.settings.year}.epub`), bytes };
}

/** Checks only the finished book can answer: the stated 字数 (R-CIP-11) and the TOC against the page map. */
function checkFinishedBook(read: ReadManuscript, book: Book, pdf: PdfBuild): void {
  if (isWordCountOff(book.settings.word_count, pdf.paged.wordsThousands)) {
    const bookFile = read.all.find((f) => f.basename === 'book.yaml') ?? read.folder;
    report(bookFile, undefined, 'word-count-off', { stated: book.settings.word_count!, computed: pdf.paged.wordsThousands });
  }
  if (pdf.tocMismatches.length > 0) {
    report(read.folder, undefined, 'layout-not-converged', { count: pdf.tocMismatches.length, titles: pdf.tocMismatches.slice(0, 5).join('、') });
  }
}

const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;

/** 天津市河西年鉴-2024: the name of the book's files. */
const nameOf = (book: Book) => `${book.settings.title}-${book.settings.year}`;
const titleOf = (book: Book) => `${book.settings.title}（${book.settings.year}）`;
/** A proof has a name of its own: it never takes the place of the final PDF. */
const pdfPath = (args: Args, book: Book) => join(args.out, `${nameOf(book)}${args.draft ? '-校样' : ''}.pdf`);

/** A manuscript with errors: the report, nothing else written; the preview keeps showing the last good PDF. */
async function failedBuild(args: Args, read: ReadManuscript, book: Book | undefined, started: number, out: (s: string) => void, session: Session, edit: SourcePlace | undefined): Promise<number> {
  out('书稿有错误，未生成 PDF；上次生成的文件保持不变。 Errors: nothing was written.');
  if (book) {
    await writeReport(args, read.all, nameOf(book), started);
    const lastGood = pdfPath(args, book);
    remember(session, read.all, { title: titleOf(book), wrotePdf: false, report: join(args.out, `${nameOf(book)}-report.html`), ...(existsSync(lastGood) ? { pdf: lastGood } : {}), ...(edit ? { edit } : {}) });
  } else remember(session, read.all, { title: '', wrotePdf: false, ...(edit ? { edit } : {}) });
  return finish(args, read.all, out);
}

async function build(args: Args, out: (s: string) => void, session: Session = {}): Promise<number> {
  const started = performance.now();
  out('读取书稿 reading manuscript …');
  const read = await readManuscript(args.dir, session.caches?.images);
  const checked = checkManuscript(read.files, read.all, session.caches?.parse);
  out(summary(checked.stats));
  const book = checked.book;
  const edit = session.edits?.update(read.all);
  if (!book || hasErrors(read.all)) return failedBuild(args, read, book, started, out, session, edit);
  const templateFile = await readTemplateFile(args.dir, book.settings.template);
  const template = loadTemplate(templateFile);
  if (!template) return finish(args, [...read.all, templateFile], out);
  const bookFile = read.all.find((f) => f.basename === 'book.yaml') ?? read.folder;
  checkFormatAgainstTemplate(bookFile, book, template, book.settings.template);
  if (hasErrors(read.all)) return failedBuild(args, read, book, started, out, session, edit);
  session.fonts ??= loadFonts();
  const loaded = await session.fonts;
  const srcs: string[] = [];
  walkBook(book, (n) => n.type === 'figure' && srcs.push(n.src));
  const imageBytes = await readImageBytes(args.dir, srcs, session.caches?.images);
  out(`排版 laying out … (${ms(started)})`);
  startBuild(session.caches);
  const draftStamp = args.draft ? `校样\u3000${draftDate()}\u3000${manuscriptRevision(args.dir)}` : undefined;
  const bar = terminalProgress();
  const pdfInput = {
    book, template, fonts: createFontProvider(loaded.set), fontFiles: loaded.opened, imageBytes, imageSize: imageSizeOf(read), date: buildDate(book.settings.build_date),
    ...(draftStamp ? { draftStamp } : {}), ...(session.caches ? { compositionCache: session.caches.composition, partCache: session.caches.parts, renderCache: session.caches.render } : {}),
    ...(bar ? { progress: bar.update } : {}),
  };
  const laid = layoutForPrint(pdfInput);
  bar?.end();
  // Proofs, watch and preview sessions are for reading pages: the EPUB is left to `build`.
  const wantsEpub = !args.draft && args.command === 'build';
  // The EPUB needs only the page numbers: it is begun now, so that its images and its
  // compression go on in other threads while this one draws the PDF.
  const epubMade = wantsEpub ? makeEpub(args, book, laid.paged, imageBytes, loaded) : undefined;
  epubMade?.catch(() => undefined); // awaited below; not "unhandled" while the PDF is drawn
  const pdf = await renderPrint(pdfInput, laid);
  reportProblems(pdf.problems, read.all);
  const target = pdfPath(args, book);
  await writeAtomic(target, pdf.bytes);
  out(`PDF: ${target} — ${pdf.paged.pages.length} 页 pages, ${(pdf.bytes.length / 1048576).toFixed(1)} MB, ${ms(started)}`);
  if (session.caches) out(reuseLine(session.caches));
  const name = nameOf(book);
  if (!epubMade) {
    await writeReport(args, read.all, name, started, pdf.paged.pages.length);
    const editPage = edit ? pageOfSource(book, pdf.paged, edit) : undefined;
    remember(session, read.all, {
      title: titleOf(book), pdf: target, wrotePdf: true, report: join(args.out, `${name}-report.html`), pages: pdf.paged.pages.length,
      ...(edit ? { edit } : {}), ...(editPage !== undefined ? { editPage, editFolio: pdf.paged.pages[editPage]!.number } : {}),
    });
    return finish(args, read.all, out);
  }
  const epub = await epubMade;
  await writeAtomic(epub.target, epub.bytes);
  out(`EPUB: ${epub.target} — ${(epub.bytes.length / 1048576).toFixed(1)} MB, ${ms(started)}`);
  if (args.press) {
    const press = { manuscriptDir: args.dir, outDir: args.out, book, template, bookFile, files: read.all, paged: pdf.paged, fontFiles: loaded.opened, imageBytes, markFont: loaded.set.roles.heading.regular, date: buildDate(book.settings.build_date), cache: diskImageCache(args.out) };
    for (const line of await writePressFiles(press)) out(`${line}, ${ms(started)}`);
  }
  checkFinishedBook(read, book, pdf);
  await writeReport(args, read.all, name, started, pdf.paged.pages.length);
  out(`报告 report: ${join(args.out, `${name}-report.html`)}`);
  return finish(args, read.all, out);
}

/** Ctrl-C ends a watch cleanly: the build under way finishes first, so no file is left half-written. */
function stopOnInterrupt(): AbortSignal {
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  return stop.signal;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. `signal` ends a watch (the terminal's Ctrl-C when not given). */
export async function main(argv: string[], out: (s: string) => void = console.log, signal?: AbortSignal): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    out(`${args}\n${USAGE}`);
    return 2;
  }
  switch (args.command) {
    case 'check':
      return check(args, out);
    case 'build':
      return build(args, out);
    case 'watch': {
      const session: Session = { caches: newCaches() };
      return watchManuscript({ dir: args.dir, outDir: args.out, out, signal: signal ?? stopOnInterrupt(), rebuild: () => build(args, out, session) });
    }
    case 'preview':
      return preview({ dir: args.dir, outDir: args.out, port: args.port, out, signal: signal ?? stopOnInterrupt(), build: (session) => build(args, out, session) });
    case 'init':
      return init(args, argvDir(argv), out);
    case 'help': case '--help': case '-h':
      out(USAGE);
      return 0;
    default:
      out(`未知命令 unknown command: ${args.command}\n${USAGE}`);
      return 2;
  }
}
