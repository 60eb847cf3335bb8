/**
 * Typst's side of `npm run bench` (issue 24), run by it in a process of its
 * own: compiles a Typst file made by scripts/typst-convert.ts with the
 * given fonts and writes the PDF. Plain JavaScript, so that no TypeScript
 * loader is timed with Typst.
 *
 *   node scripts/typst-run.mjs <workspace> <main.typ> <out.pdf> <font file>…
 */
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { readFileSync, writeFileSync } from 'node:fs';

const [workspace, main, out, ...fonts] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs: fonts.map((f) => readFileSync(f)) }] });
const compiled = compiler.compile({ mainFileContent: readFileSync(main, 'utf8') });
const document = compiled.result;
if (!document) {
  compiled.printDiagnostics();
  process.exit(1);
}
const pdf = compiler.pdf(document);
writeFileSync(out, pdf);
console.log(`typst: ${document.numOfPages} 页 pages, ${(pdf.length / 1048576).toFixed(1)} MB`);
