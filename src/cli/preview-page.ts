/**
 * The preview's web page: pdf.js's viewer component (continuous pages, text
 * layer for copying, TOC links that work), a status bar, the preflight report
 * in a side pane, and an EventSource that reloads the PDF after each build and
 * goes to the page of the last edit. One static page, no build step.
 */
export const previewPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>nianjian 预览</title>
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css">
<style>
  /* The book's own Hei font, served by nianjian: the page reads the same on a machine with no Chinese fonts. */
  @font-face { font-family: "nianjian-ui"; src: url("/fonts/ui") format("truetype"); }
  body { margin: 0; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "nianjian-ui", sans-serif; background: #5a5d61; }
  header { position: fixed; inset: 0 0 auto 0; height: 40px; display: flex; gap: 14px; align-items: center; padding: 0 12px; background: #2b2d30; color: #e8e8e8; z-index: 10; }
  header strong { font-weight: 600; }
  header input { width: 4em; font: inherit; }
  header button { font: inherit; }
  header button { background: #44474b; color: inherit; border: 1px solid #666; border-radius: 3px; padding: 2px 10px; cursor: pointer; }
  header button[aria-pressed="true"] { background: #2f6fb0; }
  #status { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #status[data-status="ok"] { color: #9fe29f; }
  #status[data-status="errors"] { color: #ff9d9d; }
  #status[data-status="building"] { color: #ffe38a; }
  #viewerContainer { position: absolute; inset: 40px 0 0 0; overflow: auto; }
  #reportPane { display: none; position: absolute; inset: 40px 0 0 auto; width: 42%; background: #fff; border-left: 1px solid #222; }
  #reportPane iframe { border: 0; width: 100%; height: 100%; }
  body.with-report #viewerContainer { right: 42%; }
  body.with-report #reportPane { display: block; }
  #empty { color: #eee; text-align: center; margin-top: 30vh; }
</style>
</head>
<body>
<header>
  <strong id="title">nianjian</strong>
  <span id="status" data-status="building">连接中…</span>
  <label>第 <input id="pageNumber" value="1" size="5"> 页 <span id="sheet"></span></label>
  <button id="zoomOut" title="缩小">－</button><button id="zoomIn" title="放大">＋</button>
  <button id="spreads" aria-pressed="false" title="对页显示">对页</button>
  <button id="toggleReport" aria-pressed="false" title="检查报告">报告</button>
</header>
<div id="viewerContainer"><div id="viewer" class="pdfViewer"><p id="empty">正在生成……</p></div></div>
<aside id="reportPane"><iframe id="report" title="检查报告"></iframe></aside>
<script type="module">
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';
globalThis.pdfjsLib = pdfjsLib;
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
const { EventBus, PDFLinkService, PDFViewer, SpreadMode } = await import('/pdfjs/web/pdf_viewer.mjs');

const $ = (id) => document.getElementById(id);
const container = $('viewerContainer');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container, viewer: $('viewer'), eventBus, linkService });
linkService.setViewer(viewer);
let scale = 'page-width';
let shownPdf = 0;
let current = null;
let queue = Promise.resolve();

// The report pane opening or the window resizing: a fitted zoom fits again.
new ResizeObserver(() => { if (current && typeof scale === 'string') viewer.currentScaleValue = scale; }).observe(container);
// The page box shows the printed folio (the PDF's page labels), and the sheet count beside it.
const showPage = (n) => {
  $('pageNumber').value = viewer.currentPageLabel ?? n;
  $('sheet').textContent = current ? '（' + n + ' / ' + current.numPages + '）' : '';
};
eventBus.on('pagechanging', (e) => showPage(e.pageNumber));
eventBus.on('scalechanging', (e) => { scale = e.presetValue || e.scale; });
$('pageNumber').addEventListener('change', (e) => { viewer.currentPageLabel = e.target.value.trim(); });
$('zoomIn').onclick = () => { viewer.increaseScale(); };
$('zoomOut').onclick = () => { viewer.decreaseScale(); };
$('spreads').onclick = (e) => {
  const on = viewer.spreadMode !== SpreadMode.EVEN;
  // A book's page 1 is a recto on its own; then 2–3, 4–5 face each other.
  viewer.spreadMode = on ? SpreadMode.EVEN : SpreadMode.NONE;
  e.target.setAttribute('aria-pressed', String(on));
};
$('toggleReport').onclick = (e) => {
  const on = document.body.classList.toggle('with-report');
  e.target.setAttribute('aria-pressed', String(on));
  if (on) $('report').src = '/report?t=' + Date.now();
};

function describe(s) {
  if (s.status === 'building') return '生成中…';
  const counts = (s.errors ? s.errors + ' 个错误，' : '') + (s.warnings ?? 0) + ' 个警告';
  const where = s.edit ? ' · 改动 ' + s.edit + (s.page ? ' → 第 ' + (s.folio ?? s.page) + ' 页' : '') : '';
  const time = s.seconds !== undefined ? ' · ' + s.seconds.toFixed(1) + ' 秒' : '';
  if (s.status === 'errors') return '书稿有错误（' + counts + '），显示的是上次生成的 PDF，详见报告' + time;
  return '已更新 · ' + s.pages + ' 页 · ' + counts + time + where;
}

function textLayerOf(pageNumber) {
  return new Promise((resolve) => {
    const done = (e) => { if (e.pageNumber === pageNumber) { eventBus.off('textlayerrendered', done); resolve(); } };
    eventBus.on('textlayerrendered', done);
  });
}

/** Loads the PDF of this build and goes to the page of the edit (or stays where the reader was). */
async function showPdf(s) {
  const stay = { page: viewer.currentPageNumber || 1, top: container.scrollTop };
  const doc = await pdfjsLib.getDocument({ url: '/book.pdf?v=' + s.pdfVersion }).promise;
  const target = Math.min(s.page ?? stay.page, doc.numPages);
  const ready = textLayerOf(target);
  const inited = new Promise((resolve) => eventBus.on('pagesinit', resolve, { once: true }));
  $('empty')?.remove();
  viewer.setDocument(doc);
  linkService.setDocument(doc, null);
  viewer.setPageLabels(await doc.getPageLabels());
  await inited;
  viewer.currentScaleValue = String(scale);
  if (s.page) viewer.currentPageNumber = target;
  else if (shownPdf) container.scrollTop = stay.top;
  if (current) current.destroy();
  current = doc;
  shownPdf = s.pdfVersion;
  showPage(viewer.currentPageNumber);
  await ready;
  document.body.dataset.page = String(viewer.currentPageNumber);
  document.body.dataset.folio = viewer.currentPageLabel ?? '';
  document.body.dataset.shown = String(s.pdfVersion);
}

function apply(s) {
  $('title').textContent = s.title || 'nianjian';
  document.title = (s.title || 'nianjian') + ' — 预览';
  $('status').textContent = describe(s);
  $('status').dataset.status = s.status;
  document.body.dataset.status = s.status;
  if (s.status === 'building') return;
  if (document.body.classList.contains('with-report')) $('report').src = '/report?v=' + s.version;
  if (s.pdfVersion && s.pdfVersion !== shownPdf) queue = queue.then(() => showPdf(s)).catch((err) => { $('status').textContent = 'PDF 无法显示：' + err.message; });
  else if (!s.pdfVersion && $('empty')) $('empty').textContent = '还没有生成成功的 PDF：请按报告修改书稿。';
}

const events = new EventSource('/events');
events.addEventListener('build', (e) => apply(JSON.parse(e.data)));
events.onerror = () => { $('status').textContent = '与 nianjian 的连接断开，正在重连…'; $('status').dataset.status = 'errors'; };
</script>
</body>
</html>
`;
