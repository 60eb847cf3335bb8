/** Renderers: the paged document to PDF, the book to EPUB. */
export { type EpubInput, renderEpub } from './epub/index.ts';
export { type PdfInput, type PdfMetadata, renderPdf } from './pdf/index.ts';
export { RenderCache } from './pdf/streams.ts';
export { type PressPdf, type PressPdfInput, renderPressPdf, type SafetyFinding, type SheetSpec } from './pdf/press.ts';
export { iccColourSpace, iccDescription, iccFault, type OutputIntent, type PdfxStandard } from './pdf/pdfx.ts';
export { ADD_ON_NO_PRICE, CASE, type CoverFacts, type CoverInput, priceAddOn, renderCover, spineWidthMm } from './pdf/cover.ts';
