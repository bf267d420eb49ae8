// Types of scripts/wasm.mjs, for the test that checks kernels.wasm.ts.
export declare const WAT: string;
interface Struct {
  readonly fields: readonly string[];
  readonly offset: Readonly<Record<string, number>>;
  readonly type: Readonly<Record<string, string>>;
  readonly bytes: number;
}
export interface WatNames {
  readonly structs: Readonly<Record<string, Struct>>;
  readonly constants: Readonly<Record<string, number>>;
  readonly opcodes: Readonly<Record<string, number>>;
}
export declare function fillLayout(wat: string, names: WatNames): string;
export declare function compileWat(text: string, file?: string): Promise<Uint8Array>;
export declare function kernelsModule(bytes: Uint8Array): string;
