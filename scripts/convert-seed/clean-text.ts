/**
 * Repairs the extraction damage of the seed text, one paragraph at a time:
 * wrap spaces, OCR slips that the seed's own TOC or index spells correctly,
 * then the §2 normalisation of src/cjk (R-NORM-1..4).
 */

import { normalizeText } from '../../src/cjk/index.ts';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width punctuation and symbols that never want a space beside them. */
const FW_PUNCT = '，。、；：？！（）“”‘’《》〈〉【】—…·～　〔〕';
const WIDE = `${HAN}${FW_PUNCT}`;

/**
 * OCR slips, each confirmed by the seed's own TOC or index (or by the
 * obvious word: 退役军人 appears 141 times, 退没 3 times).
 */
export const OCR_FIXES: ReadonlyArray<readonly [string, string]> = [
  ['现没', '现役'],
  ['退没', '退役'],
  ['川帼', '巾帼'],
  ['综迷', '综述'],
  ['综 迷', '综述'],
  ['天津介', '天津市'],
  ['河面区', '河西区'],
  ['城介管理', '城市管理'],
  ['招商引贷', '招商引资'],
  ['劳动哭状', '劳动奖状'],
  ['単晨阳', '单晨阳'],
  ['介场和质量', '市场和质量'],
  ['接派干部', '援派干部'],
  ['人物・荣誉', '人物·荣誉'],
];

export function fixOcr(text: string): string {
  let out = text;
  for (const [wrong, right] of OCR_FIXES) out = out.split(wrong).join(right);
  return out;
}

/** Removes `<mark>` tags left by the extractor. */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?mark>/g, '');
}

/** Removes spaces the extractor left at line wraps and around wide characters. */
export function removeWrapSpaces(text: string): string {
  let out = text.replace(/[ \t\u00a0]+/g, ' ').trim();
  const wideGap = new RegExp(`([${WIDE}]) (?=[${WIDE}])`, 'gu');
  out = out.replace(wideGap, '$1');
  // R-NORM-4: hanzi next to Latin or digits takes no typed space.
  out = out.replace(new RegExp(`([${WIDE}]) (?=[A-Za-z0-9%"'(])`, 'gu'), '$1');
  out = out.replace(new RegExp(`([A-Za-z0-9%.)"']) (?=[${WIDE}])`, 'gu'), '$1');
  return out;
}

/** Drops spaces that sit next to full-width punctuation after widening. */
function tidySpacesAroundPunct(text: string): string {
  const p = `[${FW_PUNCT.replace('　', '')}]`;
  return text.replace(new RegExp(` +(?=${p})`, 'gu'), '').replace(new RegExp(`(${p}) +`, 'gu'), '$1');
}

/**
 * A ' before a hanzi or a " outside any double quote is the OCR's reading of
 * a “ or ” (2023'双一流"高校); inside one it is the inner quote the print
 * has (组织实施"助力'十项行动'、提振发展信心"), which normalizeText pairs as
 * ‘ ’ (R-NORM-2). Turning every such ' into " broke those nestings.
 */
function quoteSlipsToDouble(text: string): string {
  let inDouble = false;
  return [...text].map((ch, i, chars) => {
    if (ch === '"') inDouble = !inDouble;
    else if (ch === '“' || ch === '”') inDouble = ch === '“';
    else if (ch === "'" && !inDouble && /[\u4e00-\u9fff"]/.test(chars[i + 1] ?? '')) {
      inDouble = !inDouble; // it is a double quote now, and opens as one (none was open)
      return '"';
    }
    return ch;
  }).join('');
}

/**
 * The whole repair of one paragraph: extraction damage first (markup, OCR
 * slips, wrap spaces, a ' the OCR read for a ”), then the same §2
 * normalisation the parser applies (src/cjk), so the parser finds nothing
 * left to change in the converted manuscript.
 */
export function cleanParagraph(raw: string): string {
  let text = stripMarkup(raw);
  text = fixOcr(text);
  text = quoteSlipsToDouble(removeWrapSpaces(text));
  text = normalizeText(text).text;
  return tidySpacesAroundPunct(text);
}

/** Heading text: cleaned, and letter-spacing from the print removed (综 述 → 综述). */
export function cleanHeading(raw: string): string {
  return cleanParagraph(raw).replace(new RegExp(`(?<=[${HAN}]) (?=[${HAN}])`, 'gu'), '');
}

/** Juxtaposed names or units keep their separation as an ideographic space (R-NORM-4). */
export function joinWithIdeographicSpace(parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('\u3000');
}
