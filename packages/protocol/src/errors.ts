/**
 * Error codes raised by `@bezgelor/protocol`. Decoding raises the peer's protocol violations;
 * encoding raises only `ENCODE_FAILED` (its `cause` is the low-level error, e.g.
 * `VALUE_OUT_OF_RANGE`), which means our own caller passed a value the wire cannot carry: a server
 * error, never the peer's fault. `INVALID_ARGUMENT` is a programming error too.
 */
export const PROTOCOL_ERROR_CODE = {
  /** A frame declares a size below the 6-byte header. */
  FRAME_TOO_SMALL: "FRAME_TOO_SMALL",
  /** A frame declares a size above the configured maximum. */
  FRAME_TOO_LARGE: "FRAME_TOO_LARGE",
  /** A read needed more bits than the body holds. */
  DECODE_PAST_END: "DECODE_PAST_END",
  /** A wide string is longer than its field allows. */
  STRING_TOO_LONG: "STRING_TOO_LONG",
  /** An array count is larger than its field allows. */
  ARRAY_TOO_LONG: "ARRAY_TOO_LONG",
  /** A value does not fit its field (encoding), or a decoded value is not allowed. */
  VALUE_OUT_OF_RANGE: "VALUE_OUT_OF_RANGE",
  /** A tagged union carries a tag that has no variant. */
  UNKNOWN_VARIANT: "UNKNOWN_VARIANT",
  /** An opcode that no packet of the expected direction uses. */
  UNKNOWN_OPCODE: "UNKNOWN_OPCODE",
  /** Whole bytes left over after a packet body was decoded. */
  TRAILING_DATA: "TRAILING_DATA",
  /** An encrypted or packed wrapper whose length field disagrees with its payload. */
  BAD_ENCRYPTED_LENGTH: "BAD_ENCRYPTED_LENGTH",
  /** A wrapper nested inside more wrappers than the genuine client uses (see `MAX_WRAPPER_DEPTH`). */
  WRAPPER_TOO_DEEP: "WRAPPER_TOO_DEEP",
  /**
   * Encoding a packet this side sends failed: a value does not fit its field (number out of range,
   * string or array too long, unknown union tag) or the packet is not this side's. The sender's
   * fault, not the peer's; `cause` holds the low-level error and `opcode` the packet.
   */
  ENCODE_FAILED: "ENCODE_FAILED",
  /** A caller passed an argument the protocol cannot use (bad key length, bad bit width). */
  INVALID_ARGUMENT: "INVALID_ARGUMENT",
} as const;

/** One of the {@link PROTOCOL_ERROR_CODE} values. */
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODE)[keyof typeof PROTOCOL_ERROR_CODE];

/** Where a protocol problem was found; decode errors always carry `bitOffset`, and `opcode` once known. */
export interface ProtocolErrorDetails {
  /** The packet opcode being decoded or encoded. */
  readonly opcode?: number;
  /** Bit offset inside the packet body (or inside the frame payload for framing and wrapper errors). */
  readonly bitOffset?: number;
  /** A cause, e.g. the low-level error that was translated. */
  readonly cause?: unknown;
}

/**
 * The single error class of `@bezgelor/protocol`: a bad frame, a malformed body, an unknown opcode
 * or a value our own code tried to put on the wire that does not fit. `code` is machine-readable;
 * `opcode` and `bitOffset` say where.
 */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
  readonly code: ProtocolErrorCode;
  /** What went wrong, without the location prefix of `message`. */
  readonly reason: string;
  /** Opcode of the packet concerned, when known. */
  opcode: number | undefined;
  /** Bit offset in the packet body (or frame payload) where the failing read or write started. */
  bitOffset: number | undefined;

  constructor(code: ProtocolErrorCode, reason: string, details: ProtocolErrorDetails = {}) {
    super(formatMessage(reason, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.reason = reason;
    this.opcode = details.opcode;
    this.bitOffset = details.bitOffset;
  }

  /**
   * Fills in `opcode` if it was not known where the error was raised (the bit stream does not
   * know which packet it reads; the packet layer stamps it) and, with `bodyStartBit`, makes
   * `bitOffset` relative to the body when the stream held a header before it. Returns `this`.
   */
  withOpcode(opcode: number, bodyStartBit = 0): this {
    if (this.opcode === undefined) this.opcode = opcode;
    if (this.bitOffset !== undefined && bodyStartBit !== 0) this.bitOffset -= bodyStartBit;
    this.message = formatMessage(this.reason, { opcode: this.opcode, bitOffset: this.bitOffset });
    return this;
  }
}

/**
 * The `ENCODE_FAILED` error for a failure while encoding `packet` (opcode `opcode`): the low-level
 * error becomes its `cause`, its bit offset (made relative to the body by `bodyStartBit`) is kept.
 * An `ENCODE_FAILED` error is returned as it is.
 */
export function encodeFailed(packet: string, opcode: number, error: unknown, bodyStartBit = 0): ProtocolError {
  if (error instanceof ProtocolError && error.code === "ENCODE_FAILED") return error;
  if (error instanceof ProtocolError) {
    error.withOpcode(opcode, bodyStartBit);
    return new ProtocolError("ENCODE_FAILED", `cannot encode ${packet}: ${error.code}: ${error.reason}`, {
      opcode,
      ...(error.bitOffset === undefined ? {} : { bitOffset: error.bitOffset }),
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ProtocolError("ENCODE_FAILED", `cannot encode ${packet}: ${reason}`, { opcode, cause: error });
}

/**
 * True when `error` is a {@link ProtocolError}, optionally with the given code. A peer's protocol
 * violation is any code but `ENCODE_FAILED` and `INVALID_ARGUMENT`: test `isProtocolError(error,
 * "ENCODE_FAILED")` first to tell our own failure to encode apart.
 */
export function isProtocolError(error: unknown, code?: ProtocolErrorCode): error is ProtocolError {
  return error instanceof ProtocolError && (code === undefined || error.code === code);
}

function formatMessage(reason: string, { opcode, bitOffset }: ProtocolErrorDetails): string {
  const where: string[] = [];
  if (opcode !== undefined) where.push(`opcode 0x${hex4(opcode)}`);
  if (bitOffset !== undefined) where.push(`bit ${bitOffset}`);
  return where.length === 0 ? reason : `${where.join(", ")}: ${reason}`;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, "0");
}
