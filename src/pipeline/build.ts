/**
 * One build, from the manuscript folder to the outputs on disk:
 * read → parse → lay out → render (PDF, EPUB, report) → commit. Every
 * output is made in memory first and committed together at the end
 * (io/commit.ts), so a build that fails at any step — bad input, a fault
 * of the disk, an error inside sharp or zlib — leaves the last good outputs
 * byte for byte, and writes a report that says it failed and why.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  buildEpub, checkFormatAgainstTemplate, checkManuscript, layoutForPrint, type PdfBuild, preflightReport, renderPrint, type ReportFacts, reportProblems,
} from '../build/index.ts';
import { loadTemplate, placeOfKey, type Template } from '../config/index.ts';
import { isWordCountOff } from '../derive/index.ts';
import { countMessages, hasErrors, type Params, report, type RuleId, VFile } from '../diagnostics/index.ts';
import { createFontProvider } from '../font/index.ts';
import {
  buildDate, commitOutputs, FontConfigError, diskCache, diskImageCache, draftDate, ensureFolder, imageSizeOf, type LoadedFonts, loadFonts, manuscriptRevision, type Output,
  manuscriptAtRevision, readEarlierManifest, readImageBytes, readManuscript, type ReadManuscript, readTemplateFile, ScratchFiles, sourceDateEpochIgnored, type SystemFault,
  treeCache,
} from '../io/index.ts';
import type { LayoutContext, PagedDocument } from '../layout/index.ts';
import { type Book, type Source, walkBook } from '../model/index.ts';
import type { BookStats } from '../parse/index.ts';
import { type SessionCaches, startBuild } from './caches.ts';
import { bookFileName, isTemplateName, safeNamePart } from './names.ts';
import { type Changes, compareManifests, type Manifest, makeManifest, manifestBytes, parseManifest } from './manifest.ts';
import { pressOutputs } from './press.ts';
import { checkQueries, deletedPages, markChanges, pageRanges } from './proof.ts';

export interface BuildRequest {
  /** The manuscript folder. */
  dir: string;
  /** The output folder. */
  out: string;
  /** A proof (校样): its own file name, the date and revision stamped, no EPUB. */
  draft: boolean;
  /** Also make the EPUB (a plain `build`; watch and preview leave it out). */
  epub: boolean;
  /** Also make the printer's files (build --press, pipeline/press.ts). */
  press?: boolean;
  /** A final build with open queries (存疑): built, the report lists them (--allow-queries). */
  allowQueries?: boolean;
  /** A proof's round (校次): 二校, stamped on every page and in the file names. */
  round?: string;
  /** An earlier proof to mark the changes against: its manifest file, or a git revision of the manuscript. */
  since?: string;
  /** Stage lines for the terminal. */
  log: (s: string) => void;
  /** A watch session's caches. */
  caches?: SessionCaches;
  /** The session's fonts, read once (a plain build reads them itself). */
  fonts?: () => Promise<LoadedFonts>;
  /** Temporary files under way, for an interrupted build to remove. */
  scratch?: ScratchFiles;
  progress?: { update: NonNullable<LayoutContext['progress']>; end: () => void };
  /** Shown after the book's counts: what the session reused. */
  reuse?: (caches: SessionCaches) => string;
}

/** fault: of the disk or system (exit 3); internal: an error nianjian did not expect (exit 70). */
/** 'usage': an argument of the command line cannot serve (a --since that names no earlier proof). */
export type BuildStatus = 'built' | 'errors' | 'usage' | 'fault' | 'internal';

export interface BuildOutcome {
  status: BuildStatus;
  /** Every file with messages: the manuscript's, and an output's when writing it failed. */
  files: VFile[];
  stats?: BookStats;
  read?: ReadManuscript;
  book?: Book;
  paged?: PagedDocument;
  /** The PDF this build wrote, or (after a failure) the last good one's path. */
  pdf?: string;
  report?: string;
}

const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;

/** Where a build writes: the output folder and the book's file names. */
export function outputPaths(out: string, book: Book, draft: boolean, round?: string) {
  const name = bookFileName(book);
  const base = `${name}${draft ? '-校样' : ''}${draft && round ? `-${round}` : ''}`;
  return {
    name,
    pdf: join(out, `${base}.pdf`),
    epub: join(out, `${name}.epub`),
    // Each round's report is kept beside its PDF; a plain build's and proof's is the book's.
    report: join(out, `${draft && round ? base : name}-report.html`),
    manifest: join(out, `${base}-manifest.json`),
  };
}

/** A fault of the disk or system, as a message on a file named by its path. */
function faultFile(fault: SystemFault): VFile {
  const file = new VFile({ path: fault.path });
  report(file, undefined, 'system-fault', { message: fault.message });
  return file;
}

/** An error nianjian did not expect: a message naming the step, never a stack trace. */
export function internalErrorFile(dir: string, stage: string, error: unknown): VFile {
  const file = new VFile({ path: dir });
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 300);
  report(file, undefined, 'internal-error', { stage, reason });
  return file;
}

export async function runBuild(request: BuildRequest): Promise<BuildOutcome> {
  const started = performance.now();
  const scratch = request.scratch ?? new ScratchFiles();
  let stage = '读取书稿';
  let outcome: BuildOutcome = { status: 'errors', files: [] };
  try {
    outcome = await buildSteps(request, started, scratch, (s) => (stage = s));
  } catch (error) {
    request.progress?.end();
    await scratch.removeAll();
    const fault = (error as { fault?: SystemFault }).fault;
    if (error instanceof FontConfigError) outcome = { ...outcome, status: 'errors', files: [...outcome.files, error.file] };
    else outcome = { ...outcome, status: fault ? 'fault' : 'internal', files: [...outcome.files, fault ? faultFile(fault) : internalErrorFile(request.dir, stage, error)] };
  }
  if (outcome.status !== 'built') await writeFailureReport(request, outcome, started);
  return outcome;
}

/** The report of a build that wrote nothing else, saying why; the preview shows it beside the last good PDF. */
async function writeFailureReport(request: BuildRequest, outcome: BuildOutcome, started: number): Promise<void> {
  // Without a book and without a book.yaml there is no book here to report on (a mistyped folder): nothing is made.
  if (!outcome.book && !outcome.read?.all.some((f) => f.basename === 'book.yaml')) return;
  const why = outcome.status === 'errors' ? '书稿有错误（见下）' : outcome.status === 'usage' ? '命令行参数有误（见下）' : '读写文件或处理中出错（见下）';
  const failed = `${why}；上次生成的 PDF 与 EPUB 保持不变。`;
  const paths = outcome.book ? outputPaths(request.out, outcome.book, request.draft, request.round) : undefined;
  const title = outcome.book ? bookFileName(outcome.book) : safeNamePart(basename(resolve(request.dir)));
  const reports = paths ? [paths.report] : await reportsWithoutBook(request, title);
  const html = reportHtml(outcome.files, title, started, undefined, failed);
  const fault = (await ensureFolder(request.out)) ?? (await commitOutputs(reports.map((path) => ({ path, bytes: html })), request.scratch));
  if (fault) outcome.files.push(faultFile(fault));
  outcome.report = fault ? undefined : reports[0];
  if (paths) outcome.pdf = paths.pdf;
}

/**
 * Where a failed build's report goes when book.yaml could not be read (no
 * title, so no name): over the reports already in the output folder, so
 * none of them still says "0 errors", or else under the folder's name.
 */
async function reportsWithoutBook(request: BuildRequest, folderTitle: string): Promise<string[]> {
  const names = await readdir(request.out).catch(() => [] as string[]);
  const reports = names.filter((n) => n.endsWith('-report.html') && !n.startsWith('.')).sort();
  return reports.length > 0 ? reports.map((n) => join(request.out, n)) : [join(request.out, `${folderTitle}-report.html`)];
}

function reportHtml(files: VFile[], title: string, started: number, pages: number | undefined, failed?: string, changes?: ReportFacts['changes']): string {
  const c = countMessages(files);
  return preflightReport(files, {
    title, seconds: (performance.now() - started) / 1000, counts: { error: c.fatal + c.error, warning: c.warning, info: c.info },
    ...(pages !== undefined ? { pages } : {}), ...(failed ? { failed } : {}), ...(changes ? { changes } : {}),
  });
}

/**
 * The earlier proof's manifest: the file named, or (when no such file is
 * there) the manuscript at that git revision laid out again as a proof in a
 * temporary folder. Or why it cannot be had.
 */
async function earlierManifest(request: BuildRequest): Promise<Manifest | string> {
  const since = request.since!;
  if (since.endsWith('.json') || existsSync(since)) {
    const earlier = await readEarlierManifest(since);
    return typeof earlier === 'string' ? earlier : parseManifest(earlier.text);
  }
  const at = await manuscriptAtRevision(request.dir, since);
  if (typeof at === 'string') return at;
  try {
    const out = join(at.path, '.nianjian-out');
    const built = await runBuild({ dir: at.path, out, draft: true, epub: false, log: () => undefined, ...(request.fonts ? { fonts: request.fonts } : {}) });
    if (built.status !== 'built' || !built.book) return '该版本的书稿生成失败（请先修正该版本的错误，或改用其校样的清单）';
    const earlier = await readEarlierManifest(outputPaths(out, built.book, true).manifest);
    return typeof earlier === 'string' ? earlier : parseManifest(earlier.text);
  } finally {
    await at.remove();
  }
}

/**
 * The changes since the earlier proof, drawn on the pages; undefined (with
 * an error on the folder) when that proof cannot be read.
 */
async function changesSince(request: BuildRequest, folder: VFile, manifest: Manifest, paged: PagedDocument, template: Template): Promise<Changes | undefined> {
  const old = await earlierManifest(request);
  if (typeof old === 'string') {
    report(folder, undefined, 'since-unreadable', { since: request.since!, reason: old });
    return undefined;
  }
  const changes = compareManifests(old, manifest, paged);
  markChanges(paged, template, changes);
  return changes;
}

/**
 * The names book.yaml gives that become paths: the template's must be a
 * bare name under templates/ (an error otherwise), and a title that cannot
 * be a file name as it is is renamed for the files (a warning).
 */
function namesAreSafe(read: ReadManuscript, book: Book): boolean {
  const bookFile = read.all.find((f) => f.basename === 'book.yaml') ?? read.folder;
  const { template, title, year } = book.settings;
  if (!isTemplateName(template)) {
    report(bookFile, placeOfKey(bookFile, ['template']), 'template-name-invalid', { name: template.slice(0, 80) });
    return false;
  }
  const name = bookFileName(book);
  if (name !== `${title}-${year}`) report(bookFile, placeOfKey(bookFile, ['title']), 'output-name-changed', { title: title.slice(0, 80), name });
  return true;
}

const figureSources = (book: Book): string[] => {
  const srcs: string[] = [];
  walkBook(book, (n) => n.type === 'figure' && srcs.push(n.src));
  return srcs;
};

/** Photos that could not be decoded whole: an error at each figure that prints one, and nothing built. */
function reportUnreadable(base: BuildOutcome, book: Book, unreadable: Map<string, string>): BuildOutcome {
  walkBook(book, (n) => {
    if (n.type === 'figure' && unreadable.has(n.src)) reportAtSource(base, n.source, 'figure-unreadable', { src: n.src, reason: unreadable.get(n.src)! });
  });
  return base;
}

/** A message at a place in the manuscript: its file's, or the folder's when that file is not among those read. */
function reportAtSource(base: BuildOutcome, source: Source, code: RuleId, params: Params): void {
  const file = base.files.find((f) => f.path === source.path || f.path.endsWith(`/${source.path}`)) ?? base.read!.folder;
  report(file, source.position, code, params);
}

/** Raised inside the steps when the disk fails; runBuild turns it into a message. */
const raise = (fault: SystemFault): never => {
  throw Object.assign(new Error(fault.message), { fault });
};

async function buildSteps(request: BuildRequest, started: number, scratch: ScratchFiles, step: (s: string) => void): Promise<BuildOutcome> {
  const { log, caches } = request;
  log('读取书稿 reading manuscript …');
  const read = await readManuscript(request.dir, caches?.images);
  step('检查书稿');
  const checked = checkManuscript({ ...read.files, trees: treeCache(request.out) }, read.all, caches?.parse);
  const { book } = checked;
  const epoch = sourceDateEpochIgnored();
  if (epoch !== undefined) report(read.folder, undefined, 'source-date-epoch-invalid', { value: epoch });
  const base: BuildOutcome = { status: 'errors', files: read.all, stats: checked.stats, read, ...(book ? { book } : {}) };
  if (!book || hasErrors(read.all) || !namesAreSafe(read, book)) return base;
  const allowQueries = request.draft || request.allowQueries === true || book.settings.allow_queries;
  const queries = checkQueries(book, read.all, read.folder, !allowQueries);
  if (hasErrors(read.all)) return base;
  const outFault = await ensureFolder(request.out);
  if (outFault) raise(outFault);
  step('读取版式');
  const templateFile = await readTemplateFile(request.dir, book.settings.template);
  const template = caches ? caches.parse.config.load('template', templateFile, loadTemplate) : loadTemplate(templateFile);
  if (!template) return { ...base, files: [...read.all, templateFile] };
  const bookFile = read.all.find((f) => f.basename === 'book.yaml') ?? read.folder;
  checkFormatAgainstTemplate(bookFile, book, template, book.settings.template);
  if (hasErrors(read.all)) return base;
  step('读取字体');
  const loaded = await (request.fonts ?? (() => loadFonts({ bookDir: request.dir })))(); // the book's own fonts.yaml over the tool's
  step('读取图片');
  const images = await readImageBytes(request.dir, figureSources(book), caches?.images, diskCache(request.out, 'verified', scratch));
  if (images.unreadable.size > 0) return reportUnreadable(base, book, images.unreadable);
  const imageBytes = images.bytes;
  log(`排版 laying out … (${ms(started)})`);
  step('排版');
  startBuild(caches);
  const draftStamp = request.draft ? `${request.round ?? ''}校样\u3000${draftDate()}\u3000${manuscriptRevision(request.dir)}` : undefined;
  const pdfInput = {
    book, template, fonts: createFontProvider(loaded.set), fontFiles: loaded.opened, imageBytes, imageSize: imageSizeOf(read), date: buildDate(book.settings.build_date),
    ...(draftStamp ? { draftStamp } : {}), ...(caches ? { layoutCaches: caches.layout, renderCache: caches.render } : {}),
    ...(request.progress ? { progress: request.progress.update } : {}),
  };
  const laid = layoutForPrint(pdfInput);
  if (laid.unsettledNote) reportAtSource(base, laid.unsettledNote, 'footnote-numbers-unsettled', {});
  request.progress?.end();
  const paths = outputPaths(request.out, book, request.draft, request.round);
  const manifest = makeManifest(laid.paged, request.dir, paths.name, request.round, caches?.manifest);
  const changes = request.since ? await changesSince(request, read.folder, manifest, laid.paged, template) : undefined;
  // The earlier proof --since names cannot be read: the command line's mistake (exit 2), not the manuscript's.
  if (request.since && !changes) return { ...base, status: 'usage' };
  // The EPUB needs only the page numbers: it is begun now, so that its images and its
  // compression go on in other threads while this one draws the PDF.
  step('生成 EPUB');
  const epubMade = request.epub ? makeEpub(book, laid.paged, imageBytes, loaded, request.out, scratch) : undefined;
  epubMade?.catch(() => undefined); // awaited below; not "unhandled" while the PDF is drawn
  step('生成 PDF');
  const pdf = await renderPrint(pdfInput, laid);
  reportProblems(pdf.problems, read.all);
  // What layout finds to be lost (a table row taller than the page) is an error: nothing is replaced.
  if (hasErrors(read.all)) {
    await epubMade?.catch(() => undefined);
    return { ...base, paged: pdf.paged };
  }
  log(`PDF: ${paths.pdf} — ${pdf.paged.pages.length} 页 pages, ${(pdf.bytes.length / 1048576).toFixed(1)} MB, ${ms(started)}`);
  if (caches && request.reuse) log(request.reuse(caches));
  const outputs: Output[] = [{ path: paths.pdf, bytes: pdf.bytes }];
  if (epubMade) {
    step('生成 EPUB');
    const epub = await epubMade;
    outputs.push({ path: paths.epub, bytes: epub });
    log(`EPUB: ${paths.epub} — ${(epub.length / 1048576).toFixed(1)} MB, ${ms(started)}`);
    checkFinishedBook(read, book, pdf);
  }
  if (request.press) {
    step('生成印刷文件');
    const press = await pressOutputs({
      manuscriptDir: request.dir, outDir: request.out, book, template, bookFile, templateFile, files: read.all, paged: pdf.paged, fontFiles: loaded.opened, imageBytes,
      markFont: loaded.set.roles.heading.regular, date: buildDate(book.settings.build_date), cache: diskImageCache(request.out, scratch),
    });
    if (hasErrors([...read.all, templateFile])) return { ...base, files: [...read.all, templateFile], paged: pdf.paged };
    outputs.push(...press.outputs);
    for (const line of press.lines) log(`${line}, ${ms(started)}`);
  }
  if (queries > 0) log(`存疑 queries: ${queries} 条未答${request.draft ? '，印在校样页边' : '（已允许生成），见报告'}`);
  if (changes) log(`改动 changed pages: ${pageRanges(changes.changedPages)} · 仅移动 moved pages: ${pageRanges(changes.movedPages)}${deletedPages(changes)}`);
  outputs.push({ path: paths.manifest, bytes: manifestBytes(manifest) });
  outputs.push({ path: paths.report, bytes: reportHtml(read.all, bookFileName(book), started, pdf.paged.pages.length, undefined, changes && { since: request.since!, changed: changes.changedPages, moved: changes.movedPages, deleted: changes.deletions }) });
  step('写入输出');
  const fault = await commitOutputs(outputs, scratch);
  if (fault) raise(fault);
  if (epubMade) log(`报告 report: ${paths.report}`);
  return { ...base, status: 'built', paged: pdf.paged, pdf: paths.pdf, report: paths.report };
}

function makeEpub(book: Book, paged: PagedDocument, imageBytes: Map<string, Uint8Array>, loaded: LoadedFonts, out: string, scratch: ScratchFiles): Promise<Uint8Array> {
  const roleBytes = (role: 'body' | 'heading') => loaded.bytes.get(loaded.set.roles[role].regular.postscriptName)!;
  return buildEpub({
    book, paged, imageBytes, coverFont: loaded.set.roles.heading.regular, date: buildDate(book.settings.build_date),
    fontFiles: { body: roleBytes('body'), heading: roleBytes('heading') }, cache: diskImageCache(out, scratch),
  });
}

/** Checks only the finished book can answer: the stated 字数 (R-CIP-11) and the TOC against the page map. */
function checkFinishedBook(read: ReadManuscript, book: Book, pdf: PdfBuild): void {
  if (isWordCountOff(book.settings.word_count, pdf.paged.wordsThousands)) {
    const bookFile = read.all.find((f) => f.basename === 'book.yaml') ?? read.folder;
    report(bookFile, placeOfKey(bookFile, ['word_count']), 'word-count-off', { stated: book.settings.word_count!, computed: pdf.paged.wordsThousands });
  }
  if (pdf.tocMismatches.length > 0) {
    report(read.folder, undefined, 'layout-not-converged', { count: pdf.tocMismatches.length, titles: pdf.tocMismatches.slice(0, 5).join('、') });
  }
}
