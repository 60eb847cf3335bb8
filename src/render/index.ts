/** Renderers: the paged document to PDF, the book to EPUB. */
export { type EpubInput, renderEpub } from './epub/index.ts';
export { type PdfInput, type PdfMetadata, renderPdf } from './pdf/index.ts';
export { RenderCache } from './pdf/streams.ts';
