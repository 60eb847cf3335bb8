/**
 * `nianjian preview`: a local web page that shows the current PDF with
 * pdf.js (pdfjs-dist) beside the preflight report, and reloads after every
 * rebuild through server-sent events. It listens on 127.0.0.1 only, and
 * answers only requests addressed to this machine (preview-guard.ts): drafts
 * of an unpublished book are nobody else's business. No request, however
 * malformed, ends the server, and the connections it keeps are bounded.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { answerClientError, refuse, refuseForeignHost, requestPath } from './preview-guard.ts';
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
  /** Ends every stream and connection at once and stops listening. */
  close(): Promise<void>;
}

/** How much the server takes on: a few browser tabs need far less than this, a flood gets no more. */
export interface ServerLimits {
  /** Open connections; more are closed as they arrive. */
  connections: number;
  /** Pages listening for rebuilds (each holds a connection); more get a 503. */
  eventStreams: number;
  /** Time for a request's head, and for the whole request, to arrive (ms). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open (ms). */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { connections: 64, eventStreams: 16, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

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
  const size = path ? statSync(path, { throwIfNoEntry: false }) : undefined;
  if (!path || !size?.isFile()) {
    refuse(res, 404, '尚未生成 not built yet');
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size.size, 'Cache-Control': 'no-store' });
  // A file replaced or removed while it is sent only ends this response.
  pipeline(createReadStream(path), res, () => undefined);
}

async function sendFont(res: ServerResponse, font: (() => Promise<Uint8Array | undefined>) | undefined): Promise<void> {
  const bytes = await font?.().catch(() => undefined);
  if (!bytes) refuse(res, 404, 'not found');
  else res.writeHead(200, { 'Content-Type': 'font/ttf', 'Content-Length': bytes.length, 'Cache-Control': 'max-age=3600' }).end(bytes);
}

const event = (state: PreviewState) => `event: build\ndata: ${JSON.stringify(state)}\n\n`;

/** `uiFont`: the bytes of a TrueType font with Chinese, for the page and the report (the book's Hei). */
export async function startPreviewServer(port: number, uiFont?: () => Promise<Uint8Array | undefined>, limits: ServerLimits = DEFAULT_LIMITS): Promise<PreviewServer> {
  const root = pdfjsRoot();
  const clients = new Set<ServerResponse>();
  let state: PreviewState = { version: 0, status: 'building', title: '' };
  let files: PreviewFiles = {};
  /** The port the server listens on (the system's choice for port 0). */
  let listening = port;
  const openEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (clients.size >= limits.eventStreams) return refuse(res, 503, `503 已有 ${clients.size} 个预览页面在接收更新：请先关掉几个。\n`);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    if (req.method === 'HEAD') return res.end();
    res.write(`retry: 1000\n\n${event(state)}`);
    clients.add(res);
    res.on('error', () => undefined);
    req.on('close', () => clients.delete(res));
  };
  const route = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(previewPage);
    else if (path === '/book.pdf') sendFile(res, files.pdf, 'application/pdf');
    else if (path === '/report') sendFile(res, files.report, 'text/html; charset=utf-8');
    else if (path === '/fonts/ui') void sendFont(res, uiFont).catch(() => res.destroy());
    else if (path === '/events') openEvents(req, res);
    else if (path.startsWith('/pdfjs/')) {
      const found = pdfjsFile(root, path.slice('/pdfjs/'.length));
      sendFile(res, found?.path, found?.type ?? 'text/plain');
    } else refuse(res, 404, 'not found');
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (refuseForeignHost(req, res, listening)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return refuse(res, 405, '405 只支持 GET 与 HEAD 请求\n', true);
    }
    const path = requestPath(req.url);
    if (path === undefined) return refuse(res, 400, '400 请求的路径有误 bad path\n', true);
    try {
      route(req, res, path);
    } catch {
      // A file system race (a PDF replaced while it is looked at): this request fails, the server goes on.
      refuse(res, 500, '500 读取失败，请刷新页面\n', true);
    }
  };
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Timeouts are checked this often (Node's default is every 30 s).
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  }, handle);
  server.maxConnections = limits.connections;
  server.on('clientError', answerClientError);
  // A comment line now and then keeps idle connections open through proxies and sleeping laptops.
  const heartbeat = setInterval(() => { for (const c of clients) c.write(': \n\n'); }, 15_000);
  heartbeat.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  listening = (server.address() as AddressInfo).port;
  // Once listening, an error (a connection that could not be accepted: too many open files) costs that connection only.
  server.removeAllListeners('error').on('error', () => undefined);
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${listening}/`,
    publish(next, nextFiles) {
      state = next;
      if (nextFiles) files = { ...files, ...nextFiles };
      for (const c of clients) c.write(event(state));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        server.close(() => resolve());
        for (const c of clients) c.end();
        clients.clear();
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
