/** Renderers: the paged document to PDF (and later the book to EPUB). */
export { type PdfInput, type PdfMetadata, renderPdf } from './pdf/index.ts';
