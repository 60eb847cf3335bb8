/**
 * YAML files (book.yaml, fonts.yaml, page templates, a part's front matter)
 * read and checked against a zod schema. Every fault — syntax, a duplicate
 * key, an alias bomb, a schema issue — becomes a message that names the
 * file itself and the line of the key concerned.
 */
import { type ErrorCode, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { report, VFile } from '../diagnostics/index.ts';
import type { Point } from '../units/index.ts';
import { suggestKey } from './suggest.ts';

export type KeyPath = ReadonlyArray<PropertyKey>;

/** Aliases one document may expand (the yaml package's own default, stated so that it is a decision). */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML document and how to place a key of it in its file. */
export interface YamlRead {
  doc: Document;
  value: unknown;
  /** The place of the key at `path`, or of its nearest existing parent. */
  placeOf(path: KeyPath): Point;
  /** The file's name as messages give it. */
  label: string;
}

/** Where the YAML text starts in its file: line 1 for a whole file, the line after `---` for front matter. */
export interface YamlOrigin {
  line: number;
  label?: string;
}

/**
 * What is wrong, in words for editors, by the yaml package's error code: its
 * own messages are English and written for programmers (“Source contains
 * multiple documents; please use YAML.parseAllDocuments()”).
 */
const SYNTAX_REASONS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: '缩进不对（同一层的键须对齐），或 [ { 没有对应的 ] }',
  TAB_AS_INDENT: '用了制表符缩进，YAML 只能用空格缩进',
  MISSING_CHAR: '缺少成对的另一半：] } 或引号没有结尾',
  UNEXPECTED_TOKEN: '此处有多余的或不该出现的符号',
  MULTIPLE_DOCS: '单独一行的 --- 之后又开始了第二份内容，一个文件只能有一份',
  BLOCK_AS_IMPLICIT_KEY: '一行中有两处“键: 值”（值中有冒号时，请给整个值加引号）',
  MULTILINE_IMPLICIT_KEY: '有一行既不是“键: 值”也不是“- ”列表项（多半是漏了冒号，或上一行的值没有写完）',
  BAD_SCALAR_START: '值以 @ ` 等保留符号开头，须加引号',
  BAD_DQ_ESCAPE: '双引号中的反斜杠（\\）转义不对，请改用单引号或去掉反斜杠',
  KEY_OVER_1024_CHARS: '键名长过 1024 字，多半是漏了冒号',
  BLOCK_IN_FLOW: '方括号或花括号里不能再分行写“- ”列表或“键: 值”',
  BAD_ALIAS: '别名（*名）写法不对', ALIAS_PROPS: '别名（*名）前不能再加锚点或标签', MULTIPLE_ANCHORS: '一处写了两个锚点（&名）',
  BAD_PROP_ORDER: '锚点（&名）或标签（!名）的位置不对', MULTIPLE_TAGS: '一处写了两个标签（!名）', TAG_RESOLVE_FAILED: '无法识别的标签（!名）',
  NON_STRING_KEY: '键名须是文字', BAD_DIRECTIVE: '以 % 开头的行不是 YAML 能懂的指令', RESOURCE_EXHAUSTION: '内容展开得太多',
};

/** The reason of a syntax error: in words for editors, else the package's first line (a code it may add later). */
function syntaxReason(code: ErrorCode | undefined, message: string): string {
  // A JavaScript engine's own words: a few thousand [ or { nested overflow the parser's stack.
  if (/call stack/i.test(message)) return '括号或缩进嵌套的层数太多';
  return (code && SYNTAX_REASONS[code]) ?? message.split('\n')[0] ?? String(code);
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  return rest.split(':')[0]!.trim().slice(0, 60);
}

/** Parses `text` (the file's own by default); undefined when it is unusable, the messages saying why. */
export function readYaml(file: VFile, text = String(file.value ?? ''), origin: YamlOrigin = { line: 1 }): YamlRead | undefined {
  // A file that could not be read (a folder, no permission, not UTF-8) has its message already: nothing to parse.
  if ((file.data as { isReadable?: boolean }).isReadable === false) return undefined;
  const lines = new LineCounter();
  const label = origin.label ?? file.basename ?? 'book.yaml';
  const pointAt = (offset: number): Point => {
    const { line, col } = lines.linePos(offset);
    return origin.line === 1 ? { line, column: col, offset } : { line: line + origin.line - 1, column: col };
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') report(file, pointAt(err.pos[0]), 'yaml-duplicate-key', { file: label, key: keyAt(text, err.pos[0]) });
    else report(file, pointAt(err.pos[0]), 'yaml-syntax', { file: label, reason: syntaxReason(err.code, err.message) });
  }
  if (doc.errors.length > 0) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws on a document without errors only for aliases: too many, or one to no anchor.
    let first = 0;
    visit(doc, { Alias: (_, node) => { if (isAlias(node) && node.range) first ||= node.range[0]; } });
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/i.test(message)) report(file, pointAt(first), 'yaml-alias-excessive', { file: label, limit: MAX_ALIAS_COUNT });
    else report(file, pointAt(first), 'yaml-syntax', { file: label, reason: syntaxReason(undefined, message) });
    return undefined;
  }
  const placeOf = (path: KeyPath): Point => {
    for (let n = path.length; n >= 1; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1) as unknown[], true);
      const key = path[n - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return pointAt(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === 'number') {
        const item = parent.items[key];
        if (isNode(item) && item.range) return pointAt(item.range[0]);
      }
    }
    return { line: origin.line, column: 1 };
  };
  return { doc, value, placeOf, label };
}

/**
 * The place of the key at `path` (or of its nearest existing parent) in a
 * YAML file that was read without faults: for what is found about a value
 * after loading (a cover image missing, a 字数 off), at the line of its key
 * and never at 1:1. Line 1 when the file cannot be parsed.
 */
export function placeOfKey(file: VFile, path: KeyPath): Point {
  const read = readYaml(new VFile({ path: file.path, value: String(file.value ?? '') }));
  return read ? read.placeOf(path) : { line: 1, column: 1 };
}

const keyName = (path: KeyPath): string => path.map(String).join('.');

function foundText(value: unknown): string {
  if (value === undefined) return '空';
  if (typeof value === 'string') return `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value); // .nan, .inf: JSON would say null
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (schema: z.ZodType | undefined): SchemaDef | undefined => (schema as unknown as { def?: SchemaDef } | undefined)?.def;

/** Wrappers that only add a default or allow an absent value: the schema that checks is inside. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

/** `schema` without its wrappers (optional, default, prefault …). */
function unwrapped(schema: z.ZodType | undefined): z.ZodType | undefined {
  let inner = schema;
  for (let def = defOf(inner); def?.type && WRAPPERS.has(def.type) && def.innerType; def = defOf(inner)) inner = def.innerType;
  return inner;
}

/** The schema at `path`, through optionals, defaults, arrays and records. */
function schemaAt(root: z.ZodType, path: KeyPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const key of path) {
    const inner: SchemaDef | undefined = defOf(unwrapped(schema));
    schema = typeof key === 'number' ? inner?.element : inner?.type === 'record' ? inner.valueType : inner?.shape?.[String(key)];
  }
  return schema;
}

/** The description written for the value at `path` (on it or on a wrapper of it). */
function descriptionAt(root: z.ZodType, path: KeyPath): string | undefined {
  for (let schema = schemaAt(root, path); schema; schema = defOf(schema)?.innerType) {
    if (schema.description) return schema.description;
    if (!WRAPPERS.has(defOf(schema)?.type ?? '')) return undefined;
  }
  return undefined;
}

/** The keys the object at `path` allows, for “是否应为”. */
function keysAt(root: z.ZodType, path: KeyPath): string[] {
  return Object.keys(defOf(unwrapped(schemaAt(root, path)))?.shape ?? {});
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字', int: '整数', string: '文字', boolean: 'true 或 false', object: '“键: 值”形式的各项', array: '列表（每行以“- ”开头）',
  bigint: '整数', date: '日期', null: '空值', undefined: '空值', nan: '数字', record: '“键: 值”形式的各项', tuple: '列表（每行以“- ”开头）',
  map: '“键: 值”形式的各项', set: '列表（每行以“- ”开头）', literal: '规定的值', enum: '规定的值', never: '（此处不应有值）',
};

/** What a format check (z.string().email(), .regex() …) asks for, when the schema has no description there. */
const FORMAT_NAMES: Record<string, string> = {
  regex: '符合规定格式的文字', email: '电子邮件地址', url: '网址', uuid: 'UUID', date: '日期，如 2024-11-01',
  datetime: '日期与时间，如 2024-11-01T08:00:00', time: '时间，如 08:00:00', ipv4: 'IPv4 地址', ipv6: 'IPv6 地址', lowercase: '小写字母', uppercase: '大写字母',
};

/** A message the schema's author wrote (in Chinese), not zod's own English default. */
const ownWords = (message: string | undefined): string | undefined => (message && /[\u3400-\u9fff]/.test(message) ? message : undefined);

/** How much a string, a list or a number must be at least (`least`) or at most, in words for editors. */
function boundText(origin: string, bound: unknown, inclusive: boolean, least: boolean): string {
  const n = String(bound);
  if (origin === 'string') return least ? `至少 ${n} 个字的文字` : `至多 ${n} 个字的文字`;
  if (origin === 'array' || origin === 'set') return least ? `至少 ${n} 项的列表` : `至多 ${n} 项的列表`;
  if (least) return inclusive ? `不小于 ${n} 的数` : `大于 ${n} 的数`;
  return inclusive ? `不大于 ${n} 的数` : `小于 ${n} 的数`;
}

/**
 * What a schema issue asks for, in words for editors: every kind of issue
 * zod has is named here, so none of its English reaches a message.
 */
function expectedFromIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return TYPE_NAMES[issue.expected] ?? '规定类型的值';
    case 'too_small': return boundText(issue.origin, issue.minimum, issue.inclusive !== false, true);
    case 'too_big': return boundText(issue.origin, issue.maximum, issue.inclusive !== false, false);
    case 'not_multiple_of': return `${String(issue.divisor)} 的整数倍`;
    case 'invalid_value': return issue.values.map(String).join(' 或 ');
    case 'invalid_format': {
      const f = issue as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string };
      if (ownWords(issue.message)) return issue.message;
      if (f.format === 'starts_with') return `以“${f.prefix ?? ''}”开头的文字`;
      if (f.format === 'ends_with') return `以“${f.suffix ?? ''}”结尾的文字`;
      if (f.format === 'includes') return `含有“${f.includes ?? ''}”的文字`;
      return FORMAT_NAMES[f.format] ?? '符合规定格式的文字';
    }
    // A custom refinement with its own words (每字一个拼音音节…) says what it wants.
    case 'custom': return ownWords(issue.message) ?? '合规的值';
    case 'invalid_union': return '所列写法之一';
    case 'invalid_key': return '合规的键名';
    case 'invalid_element': return '合规的各项';
    default: return '合规的值';
  }
}

/** Issues whose words name a bound the description may not state: both are given (大于 0 的数：出血边外放……). */
const BOUND_CODES = new Set(['too_small', 'too_big', 'not_multiple_of']);

/** What the value at `path` must be: the schema's description, with the bound the issue names when that is what failed. */
function expectedText(schema: z.ZodType, path: KeyPath, issue: z.core.$ZodIssue): string {
  const described = path.length > 0 ? descriptionAt(schema, path) : undefined;
  if (!described) return expectedFromIssue(issue);
  return BOUND_CODES.has(issue.code) ? `${expectedFromIssue(issue)}：${described}` : described;
}

/** Reports one schema issue at the line of its key, in words for editors. */
export function reportIssue(file: VFile, read: YamlRead, schema: z.ZodType, issue: z.core.$ZodIssue): void {
  const { doc, placeOf, label } = read;
  const path = issue.path as KeyPath;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const suggest = suggestKey(key, keysAt(schema, path));
      report(file, placeOf([...path, key]), 'config-unknown-key', { file: label, key: keyName([...path, key]), ...(suggest ? { suggest } : {}) });
    }
    return;
  }
  const expected = expectedText(schema, path, issue);
  const parentExists = path.length <= 1 || doc.hasIn(path.slice(0, -1) as unknown[]);
  if (parentExists && !doc.hasIn(path as unknown[])) {
    report(file, placeOf(path), 'config-missing-key', { file: label, key: keyName(path), expected });
    return;
  }
  report(file, placeOf(path), 'config-invalid-value', { file: label, key: path.length > 0 ? keyName(path) : '（全文）', found: foundText(doc.getIn(path as unknown[])), expected });
}

/**
 * How nianjian runs a schema: each is used once or twice a build, and zod's
 * compiled fast path (a function generated and run cold for each object
 * shape) cost more than it saves: book.yaml and the template were validated
 * in about half the time without it (tsx, 6 runs each in turn).
 */
export const ONCE = { jitless: true } as const;

/** Reads and validates a YAML file; undefined (with messages naming file, key and line) when it cannot be used. */
export function loadYamlWithSchema<S extends z.ZodType>(file: VFile, schema: S): { data: z.infer<S>; read: YamlRead } | undefined {
  const read = readYaml(file);
  if (!read) return undefined;
  const parsed = schema.safeParse(read.value ?? {}, ONCE);
  if (parsed.success) return { data: parsed.data, read };
  for (const issue of parsed.error.issues) reportIssue(file, read, schema, issue);
  return undefined;
}
