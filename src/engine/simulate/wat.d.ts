/** WebAssembly text, imported as its binary (wat.mjs compiles it for the build and the tests). */
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
