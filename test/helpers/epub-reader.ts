/// <reference lib="dom" />
/**
 * An EPUB opened in a real reading system: epub.js (from npm) in Debian's
 * chromium, driven by playwright-core, paginated at a phone's size. The
 * page and the book are served from 127.0.0.1; what is measured is measured
 * inside epub.js's iframe with getBoundingClientRect / getClientRects, in the
 * top page's coordinates, so "on this screen" means inside the viewer.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As root in a sandbox with no internet: no setuid sandbox, no calls home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Screen {
  /** The section (spine document) shown. */
  href: string;
  /** Elements drawn past the screen's left or right edge (tag#id or tag.class and their text). */
  overflow: string[];
  /** Table wrappers on this screen that would need sideways scrolling. */
  scrolling: string[];
  /** The text of the last line on the screen, and whether it belongs to a heading. */
  last?: { heading: boolean; text: string };
  /** The headings on this screen, by their text. */
  headings: string[];
  /** Photos shown without their caption, or captions without their photo, and 大事记 dates without their text: parted by a page turn. */
  parted: string[];
  tableCells: number;
}

export interface Reader {
  page: Page;
  /** The labels of the nav's table of contents, nested items flattened, with their hrefs. */
  toc(): Promise<Array<{ label: string; href: string }>>;
  /** Shows a target (href or href#id) and returns the screen then shown. */
  display(target: string): Promise<Screen>;
  /** Every screen of one spine document, from its first to its last, by turning the page. */
  pageThrough(href: string): Promise<Screen[]>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

const HARNESS = (width: number, height: number) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>reader</title>
<style>html, body { margin: 0; padding: 0; } #viewer { width: ${width}px; height: ${height}px; }</style>
<script src="/jszip.js"></script><script src="/epub.js"></script></head>
<body><div id="viewer"></div></body></html>`;

function serve(epub: Uint8Array, width: number, height: number): Promise<Server> {
  const files: Record<string, [string, Uint8Array | string]> = {
    '/': ['text/html; charset=utf-8', HARNESS(width, height)],
    '/jszip.js': ['text/javascript', readFileSync(require.resolve('jszip/dist/jszip.min.js'))],
    '/epub.js': ['text/javascript', readFileSync(require.resolve('epubjs/dist/epub.min.js'))],
    '/book.epub': ['application/epub+zip', epub],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs in the page: the screen now shown, measured in the epub.js iframe. */
function measure(): Screen {
  const w = window as unknown as { rendition: { location?: { start: { href: string } } } };
  const viewer = document.querySelector('#viewer')!.getBoundingClientRect();
  const frames = Array.from(document.querySelectorAll<HTMLIFrameElement>('#viewer iframe'));
  const screen: Screen = { href: w.rendition.location?.start.href ?? '', overflow: [], scrolling: [], headings: [], parted: [], tableCells: 0 };
  let lastBottom = -Infinity;
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : el.className ? `.${String(el.className).split(' ')[0]}` : ''} ${(el.textContent ?? '').slice(0, 20)}`;
  for (const frame of frames) {
    const f = frame.getBoundingClientRect();
    const doc = frame.contentDocument;
    if (!doc) continue;
    const lines = doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, caption, th, td, img');
    for (const el of Array.from(lines)) {
      const heading = el.closest('h1, h2, h3, h4, h5, h6') !== null;
      for (const r of Array.from(el.getClientRects())) {
        if (r.width === 0 || r.height === 0) continue;
        const left = f.left + r.left;
        const right = left + r.width;
        const top = f.top + r.top;
        const bottom = top + r.height;
        // On this screen: overlapping the viewer at all.
        if (right <= viewer.left || left >= viewer.right || bottom <= viewer.top || top >= viewer.bottom) continue;
        if (left < viewer.left - 1 || right > viewer.right + 1) screen.overflow.push(name(el));
        if (/^H\d$/.test(el.tagName)) screen.headings.push((el.textContent ?? '').trim());
        if (el.tagName === 'TD') screen.tableCells++;
        // The last line: the lowest bottom; a heading loses a tie to the text it shares the line with.
        if (bottom > lastBottom + 0.5 || (Math.abs(bottom - lastBottom) <= 0.5 && !heading)) {
          lastBottom = bottom;
          screen.last = { heading, text: (el.textContent ?? '').slice(0, 30) };
        }
      }
    }
    // Whether a box is on this screen; a pair is parted when the first one's last box and the second's first box are not on the same screen.
    const onScreen = (r: DOMRect | undefined) => r !== undefined
      && f.left + r.right > viewer.left && f.left + r.left < viewer.right && f.top + r.bottom > viewer.top && f.top + r.top < viewer.bottom;
    const boxes = (el: Element) => Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const pairs: Array<[Element, Element | null]> = [
      ...Array.from(doc.querySelectorAll('figure')).map((fig): [Element, Element | null] => [fig.querySelector('img') ?? fig, fig.querySelector('figcaption')]),
      ...Array.from(doc.querySelectorAll('dl.chronicle dt')).map((dt): [Element, Element | null] => [dt, dt.nextElementSibling]),
    ];
    for (const [a, b] of pairs) {
      if (!b) continue;
      const [end, start] = [onScreen(boxes(a).at(-1)), onScreen(boxes(b)[0])];
      if (end !== start) screen.parted.push(name(end ? a : b));
    }
    for (const wrap of Array.from(doc.querySelectorAll('.table-scroll'))) {
      const r = wrap.getBoundingClientRect();
      if (f.left + r.right <= viewer.left || f.left + r.left >= viewer.right) continue;
      if (wrap.scrollWidth > wrap.clientWidth + 1) screen.scrolling.push(name(wrap.querySelector('table') ?? wrap));
    }
  }
  return screen;
}

export async function openReader(epub: Uint8Array, viewport = { width: 390, height: 844 }): Promise<Reader> {
  const server = await serve(epub, viewport.width, viewport.height);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(async ({ width, height }) => {
      const w = window as unknown as Record<string, any>;
      w.book = w.ePub('/book.epub', { openAs: 'epub' });
      w.rendition = w.book.renderTo('viewer', { width, height, flow: 'paginated', spread: 'none' });
      await w.book.ready;
      await w.rendition.display();
    }, viewport);
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // epub.js may still be loading a chapter's iframe after it reports the move (its document has no body yet,
    // seen once in CI): the screen is measured once every frame's document is whole.
    const framesLoaded = () => page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLIFrameElement>('#viewer iframe'))
      .every((f) => f.contentDocument?.readyState === 'complete' && f.contentDocument.body !== null), undefined, { timeout: 10_000 });
    const shown = async () => {
      await framesLoaded();
      await settle();
      return page.evaluate(measure);
    };
    const b = browser;
    /** Shows a target and waits for epub.js to report where it is (its 'relocated', after it has laid the page out). */
    const moveTo = (target: string) => page.evaluate((t) => {
      const r = (window as unknown as Record<string, any>).rendition;
      return new Promise((done) => {
        r.once('relocated', done);
        setTimeout(done, 5000); // the place already shown reports nothing new
        r.display(t);
      });
    }, target);
    return {
      page,
      toc: () => page.evaluate(async () => {
        const nav = await (window as unknown as Record<string, any>).book.loaded.navigation;
        const out: Array<{ label: string; href: string }> = [];
        const walk = (items: Array<{ label: string; href: string; subitems?: unknown[] }>) => {
          for (const i of items) {
            out.push({ label: i.label.trim(), href: i.href });
            walk((i.subitems ?? []) as typeof items);
          }
        };
        walk(nav.toc);
        return out;
      }),
      async display(target) {
        await moveTo(target);
        return shown();
      },
      async pageThrough(href) {
        await moveTo(href);
        const screens: Screen[] = [];
        for (;;) {
          const screen = await shown();
          if (screen.href !== href) break;
          screens.push(screen);
          const atEnd = await page.evaluate(() => {
            const loc = (window as unknown as Record<string, any>).rendition.location;
            return loc.atEnd || loc.end.displayed.page >= loc.end.displayed.total;
          });
          if (atEnd) break;
          await page.evaluate(() => {
            const r = (window as unknown as Record<string, any>).rendition;
            return new Promise((done) => {
              r.once('relocated', done);
              setTimeout(done, 5000); // at the book's end nothing moves
              r.next();
            });
          });
        }
        return screens;
      },
      async close() {
        await b.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}
