// cnchar ships its own types under a different entry; the parts nianjian uses.
declare module 'cnchar' {
  const cnchar: { use(...plugins: unknown[]): void; stroke(text: string, ...args: string[]): unknown };
  export default cnchar;
}
declare module 'cnchar-order' {
  const order: unknown;
  export default order;
}
declare module 'subset-font' {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
