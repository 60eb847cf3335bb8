/**
 * Reference-style images (`![图注][p1]` with `[p1]: photos/a.jpg "某某提供"`
 * elsewhere in the file, as pandoc writes them with --reference-links) are
 * read as the images they stand for: they were set as their typed text, the
 * definition as a paragraph, and the photo left out (with only
 * unsupported-markdown). A definition that an image used is not printed.
 */
import type { Definition, Image, Parent, RootContent } from 'mdast';

const key = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** `children` with each image reference that has a definition made an image, and the definitions so used left out. */
export function resolveImageReferences(children: RootContent[]): RootContent[] {
  const definitions = new Map<string, Definition>();
  const collect = (nodes: readonly RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'definition' && !definitions.has(key(n.identifier))) definitions.set(key(n.identifier), n);
      if ('children' in n) collect(n.children as RootContent[]);
    }
  };
  collect(children);
  if (definitions.size === 0) return children;
  const used = new Set<Definition>();
  const resolve = (nodes: RootContent[]): RootContent[] => nodes.flatMap((n): RootContent[] => {
    if (n.type === 'imageReference') {
      const d = definitions.get(key(n.identifier));
      if (!d) return [n];
      used.add(d);
      const image: Image = { type: 'image', url: d.url, alt: n.alt ?? '', title: d.title ?? null, ...(n.position ? { position: n.position } : {}) };
      return [image];
    }
    return 'children' in n ? [{ ...n, children: resolve(n.children as RootContent[]) } as RootContent] : [n];
  });
  const resolved = resolve(children);
  if (used.size === 0) return children;
  const drop = (nodes: RootContent[]): RootContent[] => nodes.filter((n) => !(n.type === 'definition' && used.has(n)))
    .map((n) => ('children' in n ? ({ ...n, children: drop((n as Parent).children as RootContent[]) } as RootContent) : n));
  return drop(resolved);
}

