/** Content computed from the model: the table of contents (and later the index). */
export { tableOfContents, type TocItem } from './toc.ts';
