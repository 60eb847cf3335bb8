// cnchar ships its own types under a different entry; the parts nianjian uses.
declare module 'cnchar' {
  const cnchar: { use(...plugins: unknown[]): void; stroke(text: string, ...args: string[]): unknown };
  export default cnchar;
}
declare module 'cnchar-order' {
  const order: unknown;
  export default order;
}
