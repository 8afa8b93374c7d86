import { DATA_ERROR_CODE, DataError } from "./errors";

/**
 * A read-only table of definitions indexed by id.
 * @typeParam K - the id type (numbers for most tables, names for reputation scales and paths)
 */
export class Table<K extends string | number, V> {
  readonly #byId: ReadonlyMap<K, V>;
  readonly #all: readonly V[];

  /**
   * @param kind - singular noun used in error messages ("title", "faction")
   * @param file - the data file the entries came from, named in errors
   */
  constructor(
    readonly kind: string,
    readonly file: string,
    entries: ReadonlyMap<K, V>,
  ) {
    this.#byId = entries;
    this.#all = Object.freeze([...entries.values()]);
  }

  /** The entry with this id, or `undefined`. Never throws. */
  get(id: K): V | undefined {
    return this.#byId.get(id);
  }

  /**
   * The entry with this id.
   * @throws {DataError} with code `NOT_FOUND` when the table holds no such id.
   */
  require(id: K): V {
    const entry = this.#byId.get(id);
    if (entry === undefined) {
      throw new DataError(DATA_ERROR_CODE.NOT_FOUND, `unknown ${this.kind} ${String(id)}`, { file: this.file, id });
    }
    return entry;
  }

  /** Whether the table holds this id. */
  has(id: K): boolean {
    return this.#byId.has(id);
  }

  /** Every entry, in file order. */
  all(): readonly V[] {
    return this.#all;
  }

  /** Number of entries. */
  get size(): number {
    return this.#byId.size;
  }
}
