/**
 * `nianjian preview`: watch, and a local page that shows each new PDF at the
 * page of the last edit (the server is preview-server.ts, the page
 * preview-page.ts).
 */
import { basename } from 'node:path';
import { loadFonts, systemFault } from '../io/index.ts';
import { EXIT } from './options.ts';
import { EditTracker } from './last-edit.ts';
import { type PreviewServer, type PreviewState, startPreviewServer } from './preview-server.ts';
import { type Built, newCaches, type Session } from './session.ts';
import { outInsideManuscript, watchManuscript } from './watch.ts';

export interface PreviewOptions {
  dir: string;
  outDir: string;
  port: number;
  out: (s: string) => void;
  signal: AbortSignal;
  /** One build in the preview's session; its exit code is only reported. */
  build: (session: Session) => Promise<number>;
}

/** The page's state after a build, from what the build remembered. */
function stateAfter(built: Built | undefined, version: number, pdfVersion: number, seconds: number): PreviewState {
  const b = built ?? { title: '', wrotePdf: false, errors: 1, warnings: 0 };
  return {
    version, status: b.wrotePdf ? 'ok' : 'errors', title: b.title, errors: b.errors, warnings: b.warnings, seconds,
    ...(pdfVersion ? { pdfVersion } : {}), ...(b.pages ? { pages: b.pages } : {}),
    ...(b.edit ? { edit: `${basename(b.edit.path)}:${b.edit.line}` } : {}), ...(b.editPage !== undefined ? { page: b.editPage + 1, folio: b.editFolio! } : {}),
  };
}

export async function preview(o: PreviewOptions): Promise<number> {
  const refused = outInsideManuscript(o.dir, o.outDir);
  if (refused) {
    o.out(refused);
    return EXIT.usage;
  }
  const session: Session = { caches: newCaches(), edits: new EditTracker() };
  let server: PreviewServer;
  try {
    server = await startPreviewServer(o.port, async () => {
      const loaded = await (session.fonts ??= loadFonts({ bookDir: o.dir }));
      return loaded.bytes.get(loaded.set.roles.heading.regular.postscriptName);
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    o.out(`无法启动预览 preview failed: ${code === 'EADDRINUSE' ? `端口 ${o.port} 已被占用，请用 --port 另选一个（如 --port 0 由系统指定）` : systemFault(e, `端口 ${o.port}`, `在端口 ${o.port} 上启动预览`).message}`);
    // A port in use or refused is a fault of the system (exit 3), as a disk that refuses is.
    return EXIT.fault;
  }
  // Stopping closes the page's connections at once; a build under way still finishes its files.
  o.signal.addEventListener('abort', () => void server.close(), { once: true });
  o.out(`预览 preview: ${server.url} — 用浏览器打开；每次保存书稿后自动刷新，并翻到改动所在页`);
  let version = 0;
  let pdfVersion = 0;
  let shownPdf: string | undefined;
  const rebuild = async () => {
    server.publish({ version, status: 'building', title: session.last?.title ?? '', ...(pdfVersion ? { pdfVersion } : {}) });
    const started = performance.now();
    const code = await o.build(session);
    version++;
    const b = session.last;
    // A new PDF to show: this build wrote one, or a failed build found the last good one on disk.
    if (b?.pdf && (b.wrotePdf || b.pdf !== shownPdf)) pdfVersion = version;
    shownPdf = b?.pdf ?? shownPdf;
    server.publish(stateAfter(b, version, pdfVersion, (performance.now() - started) / 1000), { ...(b?.pdf ? { pdf: b.pdf } : {}), ...(b?.report ? { report: b.report } : {}) });
    return code;
  };
  try {
    return await watchManuscript({ dir: o.dir, outDir: o.outDir, out: o.out, signal: o.signal, rebuild });
  } finally {
    await server.close();
  }
}
