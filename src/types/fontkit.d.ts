// fontkit ships no types; the font/ stage wraps what it uses in typed interfaces.
declare module 'fontkit';
