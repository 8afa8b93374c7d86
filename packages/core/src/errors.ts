/**
 * Codes of {@link CoreError}. Only misuse is thrown (a NaN standing, a level name the scale does
 * not have); expected rule outcomes are returned as tagged results instead.
 */
export const CORE_ERROR_CODE = {
  /** A standing or delta that is not a safe integer. */
  INVALID_STANDING: "INVALID_STANDING",
  /** A level name (or alias) the reputation scale does not define. */
  UNKNOWN_LEVEL: "UNKNOWN_LEVEL",
  /** A discount outside 0..100 or not an integer. */
  INVALID_PERCENT: "INVALID_PERCENT",
  /** A negative price. */
  INVALID_PRICE: "INVALID_PRICE",
} as const;

/** One of the {@link CORE_ERROR_CODE} values. */
export type CoreErrorCode = (typeof CORE_ERROR_CODE)[keyof typeof CORE_ERROR_CODE];

/** The single error class of `@bezgelor/core`, thrown only for programming errors. */
export class CoreError extends Error {
  override readonly name = "CoreError";
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
