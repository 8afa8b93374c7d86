import type { BitReader } from "../bits/reader";
import type { BitWriter } from "../bits/writer";
import { isRecord, notAn, readCount, tooLong, unknownVariant } from "./checks";
import type { Codec, Fields } from "./codec";

/**
 * Codecs made by the `t` DSL: their `shape` says exactly what they do, so the compiler may inline
 * them. Any other codec (hand-made, implementing {@link Codec}) is called through its own methods.
 */
const builtIn = new WeakSet<object>();

/** Marks a codec the `t` DSL made (see {@link compileCodec}). @internal */
export function markBuiltIn<C extends Codec<unknown>>(codec: C): C {
  builtIn.add(codec);
  return codec;
}

/** The specialised functions of one codec. */
export interface CompiledCodec<T> {
  readonly write: (w: BitWriter, value: T) => void;
  readonly read: (r: BitReader) => T;
}

/** What generated code reaches outside itself. */
interface Helpers {
  readonly notAn: typeof notAn;
  readonly isRecord: typeof isRecord;
  readonly tooLong: typeof tooLong;
  readonly readCount: typeof readCount;
  readonly unknownVariant: typeof unknownVariant;
  readonly custom: readonly Codec<unknown>[];
}

/** A JavaScript string literal for `text` (field names come from packet modules, quoted anyway). */
const lit = (text: string): string => JSON.stringify(text);

/**
 * Generates the source of one codec's writer and reader: every field of every nested struct,
 * array, column set and union becomes straight-line code with constant property names and bit
 * widths, so V8 sees one monomorphic function per packet instead of a walk over a field table
 * (keyed loads and calls through a megamorphic `codec.write`). The generated code calls the same
 * `BitWriter`/`BitReader` methods and checks as the interpreted codecs did, so every error keeps
 * its code, message and bit offset.
 */
class Emitter {
  private next = 0;
  readonly custom: Codec<unknown>[] = [];

  private name(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  private customIndex(codec: Codec<unknown>): number {
    const at = this.custom.indexOf(codec);
    if (at >= 0) return at;
    this.custom.push(codec);
    return this.custom.length - 1;
  }

  /** Appends statements writing the value of `expr` (evaluated exactly once) with `codec`. */
  write(codec: Codec<unknown>, expr: string, out: string[]): void {
    if (!builtIn.has(codec)) {
      out.push(`h.custom[${this.customIndex(codec)}].write(w, ${expr});`);
      return;
    }
    const shape = codec.shape;
    switch (shape.kind) {
      case "bool":
        out.push(`w.bool(${expr});`);
        return;
      case "uint":
      case "int":
      case "bigUint":
      case "bigInt":
        out.push(`w.${shape.kind}(${expr}, ${shape.bits});`);
        return;
      case "f32":
      case "f64":
        out.push(`w.${shape.kind}(${expr});`);
        return;
      case "f16":
        // Packed through its own codec: a rare field (entity commands), not worth inlining.
        out.push(`h.custom[${this.customIndex(codec)}].write(w, ${expr});`);
        return;
      case "bytes":
        out.push(`w.bytes(${expr}, ${shape.length});`);
        return;
      case "wstring":
        out.push(`w.wstring(${expr}, ${shape.max});`);
        return;
      case "struct": {
        const v = this.name("s");
        out.push(`const ${v} = ${expr};`, `if (!h.isRecord(${v})) throw h.notAn("an object", w.bitOffset, ${v});`);
        this.writeFields(shape.fields, v, out);
        return;
      }
      case "array":
      case "fixedArray": {
        const a = this.name("a");
        const i = this.name("i");
        out.push(`const ${a} = ${expr};`);
        if (shape.kind === "array") {
          out.push(`if (!Array.isArray(${a})) throw h.notAn("an array", w.bitOffset, ${a});`);
          this.writeCount(a, shape.countBits, shape.max, out);
        } else {
          out.push(`if (!Array.isArray(${a}) || ${a}.length !== ${shape.length}) throw h.notAn(${lit(`an array of ${shape.length}`)}, w.bitOffset, ${a});`);
        }
        out.push(`for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`);
        this.write(shape.item, `${a}[${i}]`, out);
        out.push("}");
        return;
      }
      case "columns": {
        const a = this.name("a");
        out.push(`const ${a} = ${expr};`, `if (!Array.isArray(${a})) throw h.notAn("an array", w.bitOffset, ${a});`);
        this.writeCount(a, shape.countBits, shape.max, out);
        for (const [key, field] of Object.entries(shape.fields)) {
          const i = this.name("i");
          const row = this.name("o");
          out.push(`for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`, `const ${row} = ${a}[${i}];`);
          out.push(`if (!h.isRecord(${row})) throw h.notAn("an object", w.bitOffset, ${row});`);
          this.write(field, `${row}[${lit(key)}]`, out);
          out.push("}");
        }
        return;
      }
      case "union": {
        const v = this.name("u");
        const tag = this.name("t");
        out.push(`const ${v} = ${expr};`, `if (!h.isRecord(${v})) throw h.notAn("an object", w.bitOffset, ${v});`);
        out.push(`const ${tag} = ${v}[${lit(shape.key)}];`, `switch (${tag}) {`);
        for (const [variant, fields] of Object.entries(shape.variants)) {
          out.push(`case ${Number(variant)}: {`, `w.uint(${tag}, ${shape.tagBits});`);
          this.writeFields(shape.shared, v, out);
          this.writeFields(fields, v, out);
          out.push("break;", "}");
        }
        out.push(`default: throw h.unknownVariant(${lit(shape.key)}, ${tag}, w.bitOffset);`, "}");
        return;
      }
    }
  }

  /** An array's count, refused over `max` or over what its bits can hold. */
  private writeCount(a: string, bits: number, max: number, out: string[]): void {
    const limit = Math.min(max, 2 ** bits - 1);
    out.push(`if (${a}.length > ${limit}) throw h.tooLong(w.bitOffset, ${a}.length, ${limit});`, `w.uint(${a}.length, ${bits});`);
  }

  private writeFields(fields: Fields, v: string, out: string[]): void {
    for (const [key, field] of Object.entries(fields)) this.write(field as Codec<unknown>, `${v}[${lit(key)}]`, out);
  }

  /**
   * Appends statements reading one value with `codec` and returns an expression for it. The
   * expression must be used before any statement appended later (which may read further bits).
   */
  read(codec: Codec<unknown>, out: string[]): string {
    if (!builtIn.has(codec)) return `h.custom[${this.customIndex(codec)}].read(r)`;
    const shape = codec.shape;
    switch (shape.kind) {
      case "bool":
        return "r.bool()";
      case "uint":
      case "int":
      case "bigUint":
      case "bigInt":
        return `r.${shape.kind}(${shape.bits})`;
      case "f32":
      case "f64":
        return `r.${shape.kind}()`;
      case "f16":
        return `h.custom[${this.customIndex(codec)}].read(r)`;
      case "bytes":
        return `r.bytesOf(${shape.length})`;
      case "wstring":
        return `r.wstring(${shape.max})`;
      case "struct":
        return `{ ${this.readFields(shape.fields, out).join(", ")} }`;
      case "array":
      case "fixedArray": {
        const n = this.name("n");
        const a = this.name("a");
        const i = this.name("i");
        if (shape.kind === "array") out.push(`const ${n} = h.readCount(r, ${shape.countBits}, ${shape.max}, ${shape.item.minBits});`);
        else out.push(`const ${n} = ${shape.length};`);
        out.push(`const ${a} = new Array(${n});`, `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
        const item = this.read(shape.item, out);
        out.push(`${a}[${i}] = ${item};`, "}");
        return a;
      }
      case "columns": {
        const fields = Object.entries(shape.fields);
        let rowBits = 0;
        for (const [, field] of fields) rowBits += (field as Codec<unknown>).minBits;
        const n = this.name("n");
        out.push(`const ${n} = h.readCount(r, ${shape.countBits}, ${shape.max}, ${rowBits});`);
        const columns = fields.map(([key, field]) => {
          const column = this.name("c");
          const i = this.name("i");
          out.push(`const ${column} = new Array(${n});`, `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
          const value = this.read(field as Codec<unknown>, out);
          out.push(`${column}[${i}] = ${value};`, "}");
          return [key, column] as const;
        });
        const rows = this.name("a");
        const i = this.name("i");
        out.push(`const ${rows} = new Array(${n});`, `for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
        out.push(`${rows}[${i}] = { ${columns.map(([key, column]) => `${lit(key)}: ${column}[${i}]`).join(", ")} };`, "}");
        return rows;
      }
      case "union": {
        const at = this.name("b");
        const tag = this.name("t");
        const v = this.name("u");
        out.push(`const ${at} = r.bitOffset;`, `const ${tag} = r.uint(${shape.tagBits});`, `let ${v};`, `switch (${tag}) {`);
        for (const [variant, fields] of Object.entries(shape.variants)) {
          out.push(`case ${Number(variant)}: {`);
          const props = [`${lit(shape.key)}: ${tag}`, ...this.readFields(shape.shared, out), ...this.readFields(fields, out)];
          out.push(`${v} = { ${props.join(", ")} };`, "break;", "}");
        }
        out.push(`default: throw h.unknownVariant(${lit(shape.key)}, ${tag}, ${at});`, "}");
        return v;
      }
    }
  }

  /** Reads fields in wire order into locals; returns the object literal's properties. */
  private readFields(fields: Fields, out: string[]): string[] {
    return Object.entries(fields).map(([key, field]) => {
      const value = this.read(field as Codec<unknown>, out);
      const local = this.name("f");
      out.push(`const ${local} = ${value};`);
      return `${lit(key)}: ${local}`;
    });
  }
}

/**
 * Compiles a codec made by the `t` DSL into one writer and one reader specialised for its whole
 * field tree (see {@link Emitter}). Run once per packet, lazily, on its first encode or decode.
 */
export function compileCodec<T>(codec: Codec<T>): CompiledCodec<T> {
  const emitter = new Emitter();
  const writeBody: string[] = [];
  emitter.write(codec, "v", writeBody);
  const readBody: string[] = [];
  const result = emitter.read(codec, readBody);
  const helpers: Helpers = { notAn, isRecord, tooLong, readCount, unknownVariant, custom: emitter.custom };
  const source = [
    '"use strict";',
    `return { write: function write(w, v) {\n${writeBody.join("\n")}\n}, read: function read(r) {\n${readBody.join("\n")}\nreturn ${result};\n} };`,
  ].join("\n");
  // Generated from field lists declared in this package's packet modules, never from input.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code generation is the point: one specialised function per packet
  const build = new Function("h", source) as (h: Helpers) => CompiledCodec<T>;
  return build(helpers);
}
