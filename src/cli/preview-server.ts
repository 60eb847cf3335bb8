/**
 * `nianjian preview`: a local web page that shows the current PDF with
 * pdf.js (pdfjs-dist) beside the preflight report, and reloads after every
 * rebuild through server-sent events. It listens on 127.0.0.1 only: drafts
 * of an unpublished book are nobody else's business.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, sep } from 'node:path';
import { previewPage } from './preview-page.ts';

/** What the page is told after each build (and on connecting). */
export interface PreviewState {
  /** Counts builds. */
  version: number;
  /** The build whose PDF is on show: changes only when a build wrote a new PDF. */
  pdfVersion?: number;
  /** 'building' while a build runs; 'ok' or 'errors' after it (then the last good PDF stays on show). */
  status: 'building' | 'ok' | 'errors';
  title: string;
  pages?: number;
  errors?: number;
  warnings?: number;
  /** 1-based page of the last edit, when the build knows it, and its printed number. */
  page?: number;
  folio?: string;
  /** `file:line` of the last edit. */
  edit?: string;
  seconds?: number;
}

export interface PreviewFiles {
  /** The last good PDF, if any. */
  pdf?: string;
  /** The last preflight report, if any. */
  report?: string;
}

export interface PreviewServer {
  url: string;
  /** Tells every open page; keeps the state for pages that connect later. */
  publish(state: PreviewState, files?: PreviewFiles): void;
  close(): Promise<void>;
}

/** pdf.js as pdfjs-dist ships it: the library, its worker, the viewer component and its stylesheet. */
const PDFJS_FILES = new Map<string, string>([
  ['build/pdf.mjs', 'text/javascript'], ['build/pdf.worker.mjs', 'text/javascript'],
  ['web/pdf_viewer.mjs', 'text/javascript'], ['web/pdf_viewer.css', 'text/css'],
]);

function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** A file of pdfjs-dist the viewer asks for, or undefined for anything else (no path escapes the package). */
function pdfjsFile(root: string, rest: string): { path: string; type: string } | undefined {
  const type = PDFJS_FILES.get(rest) ?? (/^web\/images\/[\w-]+\.svg$/.test(rest) ? 'image/svg+xml' : rest === 'web/images/loading-icon.gif' ? 'image/gif' : undefined);
  if (!type) return undefined;
  const path = normalize(join(root, rest));
  return path.startsWith(root + sep) && existsSync(path) ? { path, type } : undefined;
}

function sendFile(res: ServerResponse, path: string | undefined, type: string): void {
  if (!path || !existsSync(path)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('尚未生成 not built yet');
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(path).size, 'Cache-Control': 'no-store' });
  createReadStream(path).pipe(res);
}

async function sendFont(res: ServerResponse, font: (() => Promise<Uint8Array | undefined>) | undefined): Promise<void> {
  const bytes = await font?.().catch(() => undefined);
  if (!bytes) res.writeHead(404).end();
  else res.writeHead(200, { 'Content-Type': 'font/ttf', 'Content-Length': bytes.length, 'Cache-Control': 'max-age=3600' }).end(bytes);
}

const event = (state: PreviewState) => `event: build\ndata: ${JSON.stringify(state)}\n\n`;

/** `uiFont`: the bytes of a TrueType font with Chinese, for the page and the report (the book's Hei). */
export async function startPreviewServer(port: number, uiFont?: () => Promise<Uint8Array | undefined>): Promise<PreviewServer> {
  const root = pdfjsRoot();
  const clients = new Set<ServerResponse>();
  let state: PreviewState = { version: 0, status: 'building', title: '' };
  let files: PreviewFiles = {};
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') res.writeHead(405).end();
    else if (url.pathname === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(previewPage);
    else if (url.pathname === '/book.pdf') sendFile(res, files.pdf, 'application/pdf');
    else if (url.pathname === '/report') sendFile(res, files.report, 'text/html; charset=utf-8');
    else if (url.pathname === '/fonts/ui') void sendFont(res, uiFont);
    else if (url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 1000\n\n${event(state)}`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else if (url.pathname.startsWith('/pdfjs/')) {
      const found = pdfjsFile(root, url.pathname.slice('/pdfjs/'.length));
      sendFile(res, found?.path, found?.type ?? 'text/plain');
    } else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  };
  const server = createServer(handle);
  // A comment line now and then keeps idle connections open through proxies and sleeping laptops.
  const heartbeat = setInterval(() => { for (const c of clients) c.write(': \n\n'); }, 15_000);
  heartbeat.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    publish(next, nextFiles) {
      state = next;
      if (nextFiles) files = { ...files, ...nextFiles };
      for (const c of clients) c.write(event(state));
    },
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
