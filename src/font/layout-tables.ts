/**
 * Whether a font's GSUB and GPOS can be decoded by fontkit at all. fontkit
 * decodes a layout table's script and feature lists the first time the
 * table is asked for, trusting every count and offset: a damaged header
 * sends it reading another table's bytes as counts, and it allocates until
 * the process dies of memory (exit 134, a V8 stack, after a minute). This
 * checks, before fontkit looks, that what it decodes eagerly lies inside
 * the table: the header, the script list with its scripts and language
 * systems, the feature list with its features. Lookups are decoded lazily,
 * one at a time, and a damaged one is caught where it is used (load-fonts'
 * guard).
 */

/** A table's bytes, read big-endian with every read inside it or `undefined`. */
class TableReader {
  constructor(private readonly bytes: Uint8Array, private readonly start: number, readonly length: number) {}

  u16(at: number): number | undefined {
    return at >= 0 && at + 2 <= this.length ? (this.bytes[this.start + at]! << 8) | this.bytes[this.start + at + 1]! : undefined;
  }

  /** Whether `count` records of `size` bytes after a 16-bit count at `at` lie inside the table. */
  fits(at: number, size: number): boolean {
    const count = this.u16(at);
    return count !== undefined && at + 2 + count * size <= this.length;
  }
}

/** The offsets (16-bit, from `base`) of the records of the list whose count is at `base + countAt`. */
function recordOffsets(t: TableReader, base: number, countAt: number, size: number, offsetAt: number): number[] | undefined {
  if (!t.fits(base + countAt, size)) return undefined;
  const count = t.u16(base + countAt)!;
  return Array.from({ length: count }, (_, i) => t.u16(base + countAt + 2 + i * size + offsetAt)!);
}

/** A LangSys: its feature indices fit (OpenType: uint16 lookupOrder, requiredFeatureIndex, featureIndexCount, …). */
const langSysFits = (t: TableReader, at: number) => t.fits(at + 4, 2);

function scriptListFits(t: TableReader, list: number): boolean {
  const scripts = recordOffsets(t, list, 0, 6, 4);
  if (!scripts) return false;
  return scripts.every((offset) => {
    const script = list + offset;
    const defaultLangSys = t.u16(script);
    const langSys = recordOffsets(t, script, 2, 6, 4);
    if (defaultLangSys === undefined || !langSys) return false;
    return (defaultLangSys === 0 || langSysFits(t, script + defaultLangSys)) && langSys.every((o) => langSysFits(t, script + o));
  });
}

/** Each feature's lookup indices fit (uint16 featureParams, lookupIndexCount, …). */
function featureListFits(t: TableReader, list: number): boolean {
  const features = recordOffsets(t, list, 0, 6, 4);
  return features !== undefined && features.every((offset) => t.fits(list + offset + 2, 2));
}

/** Why the GSUB or GPOS table at `start` cannot be decoded, or undefined when its lists are sound (or absent: offset 0). */
export function layoutTableFault(bytes: Uint8Array, start: number, length: number): string | undefined {
  const t = new TableReader(bytes, start, Math.min(length, bytes.length - start));
  if (t.u16(0) !== 1 || (t.u16(2) ?? 9) > 1) return '版本号不对';
  const [scripts, features, lookups] = [t.u16(4), t.u16(6), t.u16(8)];
  if (scripts === undefined || features === undefined || lookups === undefined || Math.max(scripts, features, lookups) >= t.length) return '表头的偏移超出了表';
  if (scripts !== 0 && !scriptListFits(t, scripts)) return '文种表（ScriptList）超出了表';
  if (features !== 0 && !featureListFits(t, features)) return '特性表（FeatureList）超出了表';
  if (lookups !== 0 && !t.fits(lookups, 2)) return '查找表（LookupList）超出了表';
  return undefined;
}
