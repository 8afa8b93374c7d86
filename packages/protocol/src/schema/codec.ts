import type { BitReader } from "../bits/reader";
import type { BitWriter } from "../bits/writer";

/**
 * What a codec is, as data. The codecs of the `t` DSL are compiled from it (`compile.ts`: one
 * specialised writer and reader per packet); the packet tests walk it to generate random values,
 * and docs can print it.
 */
export type Shape =
  | { readonly kind: "bool" }
  | { readonly kind: "uint"; readonly bits: number }
  | { readonly kind: "int"; readonly bits: number }
  | { readonly kind: "bigUint"; readonly bits: number }
  | { readonly kind: "bigInt"; readonly bits: number }
  | { readonly kind: "f16" }
  | { readonly kind: "f32" }
  | { readonly kind: "f64" }
  | { readonly kind: "bytes"; readonly length: number }
  | { readonly kind: "wstring"; readonly max: number }
  | { readonly kind: "array"; readonly countBits: number; readonly max: number; readonly item: Codec<unknown> }
  | { readonly kind: "fixedArray"; readonly length: number; readonly item: Codec<unknown> }
  | { readonly kind: "columns"; readonly countBits: number; readonly max: number; readonly fields: Fields }
  | { readonly kind: "struct"; readonly fields: Fields }
  | {
      readonly kind: "union";
      readonly key: string;
      readonly tagBits: number;
      readonly shared: Fields;
      readonly variants: Readonly<Record<number, Fields>>;
    };

/**
 * A field type: writes and reads one value of type `T` on the bit stream. `minBits` is the fewest
 * bits any encoding takes; arrays use it to refuse counts the remaining body cannot hold before
 * allocating anything.
 */
export interface Codec<T> {
  readonly shape: Shape;
  readonly minBits: number;
  write(writer: BitWriter, value: T): void;
  read(reader: BitReader): T;
}

/** A record of named field codecs, in wire order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any codec: Codec<T> is invariant in T, so no narrower type admits them all
export type Fields = Readonly<Record<string, Codec<any>>>;

/** The value type a codec reads and writes. */
export type Infer<C> = C extends Codec<infer T> ? T : never;

/** The object type of a record of fields. */
export type StructValue<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

/** Flattens intersections so hovers and error messages show plain objects. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
