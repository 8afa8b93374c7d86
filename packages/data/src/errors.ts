/**
 * Error codes raised by `@bezgelor/data`. A table rather than an enum so the union type is derived
 * from the values callers actually compare against.
 */
export const DATA_ERROR_CODE = {
  /** A data file is missing or cannot be read. */
  FILE_UNREADABLE: "FILE_UNREADABLE",
  /** A data file is not valid JSON. */
  INVALID_JSON: "INVALID_JSON",
  /** A data file does not have the expected top-level shape. */
  INVALID_FILE: "INVALID_FILE",
  /** One entry fails its schema. */
  INVALID_ENTRY: "INVALID_ENTRY",
  /** Two entries of one table share an id. */
  DUPLICATE_ID: "DUPLICATE_ID",
  /** An entry points at an id that no table holds. */
  UNKNOWN_REFERENCE: "UNKNOWN_REFERENCE",
  /** `require(id)` was asked for an id the table does not hold. */
  NOT_FOUND: "NOT_FOUND",
} as const;

/** One of the {@link DATA_ERROR_CODE} values. */
export type DataErrorCode = (typeof DATA_ERROR_CODE)[keyof typeof DATA_ERROR_CODE];

/** Where in the data a problem was found; every part is optional because not every error has it. */
export interface DataErrorDetails {
  /** File name relative to the data directory, e.g. `titles.json`. */
  readonly file?: string;
  /** The `id` of the offending entry (or its position when it has no usable id). */
  readonly id?: string | number;
  /** Field path inside the entry, e.g. `unlock.factionId` or `rewards.reputation[0].amount`. */
  readonly path?: string;
}

/**
 * The single error class of `@bezgelor/data`: a bad file, a bad entry, a dangling reference or a
 * missing id. The message names the file, the entry id and the field path when they are known.
 */
export class DataError extends Error {
  override readonly name = "DataError";
  readonly code: DataErrorCode;
  readonly details: DataErrorDetails;

  constructor(code: DataErrorCode, reason: string, details: DataErrorDetails = {}, options?: { cause?: unknown }) {
    super(formatMessage(reason, details), options);
    this.code = code;
    this.details = details;
  }
}

function formatMessage(reason: string, { file, id, path }: DataErrorDetails): string {
  const where = [file, id === undefined ? undefined : `id ${String(id)}`, path].filter((part) => part !== undefined && part !== "");
  return where.length === 0 ? reason : `${where.join(": ")}: ${reason}`;
}
