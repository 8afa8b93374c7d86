import { ProtocolError } from "./errors";

const MASK_64 = (1n << 64n) - 1n;
/** Multiplier of the key schedule (NexusForever `PacketCrypt.CryptMultiplier`). */
const MULTIPLIER = 0xaa7f8ea9n;
/** Per-length block counter multiplier (`CryptMultiplier2`), applied with 32-bit wrap-around. */
const LENGTH_MULTIPLIER = 0xaa7f8eaa;
/** Initial value of the key schedule (`CryptKeyInitialValue`). */
const INITIAL_VALUE = 0x718da9074f2deb91n;
/** Constant mixed in before the build in `GetKeyFromAuthBuildAndMessage`. */
const AUTH_KEY_SALT = 0x5b88d61139619662n;
const KEY_BYTES = 128;

/** Client build this server speaks to. */
export const CLIENT_BUILD = 16042;
/** Auth message value paired with build 16042. */
export const AUTH_MESSAGE = 0x97998a0;

/** Buffers whose views were used last, most recent first, and their views (see {@link viewOf}). */
const RECENT = 16;
const recentBuffers: (ArrayBufferLike | undefined)[] = new Array<ArrayBufferLike | undefined>(RECENT).fill(undefined);
const recentViews: (DataView | undefined)[] = new Array<DataView | undefined>(RECENT).fill(undefined);
/** Views of buffers seen before, for as long as their buffer lives. */
const views = new WeakMap<ArrayBufferLike, DataView>();

/**
 * A DataView over the whole ArrayBuffer behind `data`, kept for the next calls: frames mostly come
 * from Node's shared 8 KiB allocation pool or a session's output buffer, so creating a view per
 * packet would cost more than the XOR loop itself. A broadcast seals into many sessions' buffers in
 * turn, cut from shared arenas (a zone of 500 busy sessions keeps slabs in about ten), so the
 * views of the last {@link RECENT} buffers are checked first (a WeakMap lookup per receiver cost a
 * tenth of a zone's chat line), then every buffer's view kept weakly (it goes with its buffer).
 * The recent ones are held until pushed out: at most {@link RECENT} buffers outlive their use.
 */
function viewOf(data: Uint8Array): DataView {
  const buffer = data.buffer;
  for (let i = 0; i < RECENT; i++) {
    if (recentBuffers[i] === buffer) return recentViews[i]!;
  }
  let view = views.get(buffer);
  if (view === undefined) {
    view = new DataView(buffer);
    views.set(buffer, view);
  }
  recentBuffers.copyWithin(1, 0, RECENT - 1);
  recentViews.copyWithin(1, 0, RECENT - 1);
  recentBuffers[0] = buffer;
  recentViews[0] = view;
  return view;
}

/**
 * Memory encrypted in place again and again (a connection's outgoing slab): `bytes`, and a
 * DataView over the whole ArrayBuffer behind them that the cipher reads and writes through. The two
 * are checked to belong together once, when the target is made, not on every packet: reading a
 * Buffer's `.buffer` costs about 20 ns, as much as a third of encrypting a chat line, and a zone's
 * chat line is encrypted once per receiver.
 */
export class CipherTarget {
  /** `bytes.byteOffset`: where `bytes` start in the view. */
  readonly base: number;

  /**
   * @param view a DataView over the whole ArrayBuffer behind `bytes` (e.g. one kept for a shared
   *   arena); looked up (see viewOf) when not given.
   * @throws ProtocolError `INVALID_ARGUMENT` for a `view` that is not over the whole of that ArrayBuffer.
   */
  constructor(
    readonly bytes: Buffer,
    readonly view: DataView = viewOf(bytes),
  ) {
    if (!(view.buffer === bytes.buffer && view.byteOffset === 0 && view.byteLength === bytes.buffer.byteLength)) {
      throw new ProtocolError("INVALID_ARGUMENT", "the view given is not over the whole buffer of the data");
    }
    this.base = bytes.byteOffset;
    Object.freeze(this);
  }
}

const mix = (value: bigint, add: bigint): bigint => ((value + add) * MULTIPLIER) & MASK_64;

/**
 * The key integer both sides use before world authentication, derived from the client build and
 * the auth message (NexusForever `PacketCrypt.GetKeyFromAuthBuildAndMessage`). For the defaults it
 * is 0xD283F5B34A8DC685.
 */
export function keyFromAuthBuildAndMessage(build: number = CLIENT_BUILD, message: number = AUTH_MESSAGE): bigint {
  let key = mix(INITIAL_VALUE, AUTH_KEY_SALT);
  key = mix(key, BigInt(build));
  return mix(key, BigInt(message));
}

/**
 * The key integer after world authentication, from the 16-byte session key the realm server issued
 * (NexusForever `PacketCrypt.GetKeyFromTicket`).
 * @throws ProtocolError `INVALID_ARGUMENT` unless `sessionKey` is exactly 16 bytes.
 */
export function keyFromSessionKey(sessionKey: Uint8Array): bigint {
  if (!(sessionKey instanceof Uint8Array) || sessionKey.length !== 16) {
    throw new ProtocolError("INVALID_ARGUMENT", "a session key is exactly 16 bytes");
  }
  let key = INITIAL_VALUE;
  for (const byte of sessionKey) key = mix(key, BigInt(byte));
  return mix(key, keyFromAuthBuildAndMessage());
}

/**
 * WildStar's packet cipher, byte for byte NexusForever's `PacketCrypt`: a 1024-bit key expanded from
 * a 64-bit key integer, and a per-buffer XOR stream whose 8-byte feedback register starts from the
 * schedule's final value for every buffer. Encrypt feeds back the ciphertext, decrypt the input
 * (also ciphertext), so the two are inverses. The 64-bit arithmetic happens once, in the
 * constructor; the per-byte loop is plain integer work.
 */
export class PacketCrypt {
  /** The final value of the key schedule, the register's starting value. */
  readonly keyValue: bigint;
  private readonly key = new Uint8Array(KEY_BYTES);
  /** The key as 32 little-endian u32 words (two per 8-byte block). */
  private readonly keyWords = new Uint32Array(KEY_BYTES / 4);
  private readonly initialLo: number;
  private readonly initialHi: number;

  /** @throws ProtocolError `INVALID_ARGUMENT` unless `keyInteger` is a bigint in [0, 2^64). */
  constructor(keyInteger: bigint) {
    if (typeof keyInteger !== "bigint" || keyInteger < 0n || keyInteger > MASK_64) {
      throw new ProtocolError("INVALID_ARGUMENT", "a key integer is a bigint in [0, 2^64)");
    }
    const view = new DataView(this.key.buffer);
    let value = INITIAL_VALUE;
    let part = mix(INITIAL_VALUE, keyInteger);
    for (let i = 0; i < KEY_BYTES; i += 8) {
      view.setBigUint64(i, part, true);
      value = mix(value, part);
      part = mix(part, keyInteger);
    }
    this.keyValue = value;
    // As int32 (what XOR yields): the register keeps one number representation through the loop.
    this.initialLo = Number(value & 0xffffffffn) | 0;
    this.initialHi = Number(value >> 32n) | 0;
    for (let i = 0; i < KEY_BYTES / 4; i++) this.keyWords[i] = view.getUint32(i * 4, true);
  }

  /** Returns `data` encrypted as one buffer (a new Buffer). */
  encrypt(data: Uint8Array): Buffer {
    const out = Buffer.from(data);
    this.encryptInPlace(out);
    return out;
  }

  /** Returns `data` decrypted as one buffer (a new Buffer). */
  decrypt(data: Uint8Array): Buffer {
    const out = Buffer.from(data);
    this.decryptInPlace(out);
    return out;
  }

  /**
   * Encrypts `data[start, end)` in place, as one buffer. `view`, when given, is a DataView over the
   * whole ArrayBuffer behind `data`; it spares looking one up (see {@link viewOf}).
   * @throws ProtocolError `INVALID_ARGUMENT` for a range outside `data`, or a `view` that is not
   *   over the whole of `data`'s ArrayBuffer.
   */
  encryptInPlace(data: Uint8Array, start = 0, end = data.length, view?: DataView): void {
    checkRange(data.length, start, end);
    if (view !== undefined && !(view.buffer === data.buffer && view.byteOffset === 0 && view.byteLength === data.buffer.byteLength)) {
      throw new ProtocolError("INVALID_ARGUMENT", "the view given is not over the whole buffer of the data");
    }
    this.run(view ?? viewOf(data), data.byteOffset + start, end - start, true);
  }

  /**
   * {@link encryptInPlace} of `target.bytes[start, end)` through the target's view, checked when
   * the target was made: what a connection does for every packet it sends.
   * @throws ProtocolError `INVALID_ARGUMENT` for a range outside `target.bytes`.
   */
  encryptTarget(target: CipherTarget, start: number, end: number): void {
    checkRange(target.bytes.length, start, end);
    this.run(target.view, target.base + start, end - start, true);
  }

  /**
   * Encrypts `length` bytes given as {@link plainWords} into `view` from byte `at`: what
   * {@link encryptInPlace} makes of those bytes, without copying them there first. A broadcast
   * builds the words once and each receiver reads them (aligned, already as integers) instead of
   * its own copy of the bytes.
   * @throws ProtocolError `INVALID_ARGUMENT` when `[at, at + length)` is outside `view`, or `words`
   *   holds fewer than `length` bytes.
   */
  encryptWordsInto(words: Int32Array, length: number, view: DataView, at: number): void {
    if (!(at >= 0 && length >= 0 && at + length <= view.byteLength && words.length * 4 >= length)) {
      throw new ProtocolError(
        "INVALID_ARGUMENT",
        `${length} bytes at ${at} do not fit the ${view.byteLength}-byte view or the ${words.length * 4} bytes given`,
      );
    }
    const key = this.keyWords;
    let counter = Math.imul(LENGTH_MULTIPLIER, length);
    let lo = this.initialLo;
    let hi = this.initialHi;
    const blocks = (length >>> 3) << 1;
    let w = 0;
    for (; w < blocks; w += 2, at += 8) {
      const block = (counter & 0xf) << 1;
      counter++;
      lo = lo ^ words[w]! ^ key[block]!;
      hi = hi ^ words[w + 1]! ^ key[block + 1]!;
      view.setInt32(at, lo, true);
      view.setInt32(at + 4, hi, true);
    }
    // The tail, byte by byte as run()'s: plain byte, register byte and key byte of the same lane.
    const block = (counter & 0xf) << 3;
    const tail = length & 7;
    for (let lane = 0; lane < tail; lane++, at++) {
      const plain = lane < 4 ? words[w]! >>> (lane * 8) : words[w + 1]! >>> ((lane - 4) * 8);
      const register = lane < 4 ? lo >>> (lane * 8) : hi >>> ((lane - 4) * 8);
      view.setUint8(at, (plain ^ register ^ this.key[block + lane]!) & 0xff);
    }
  }

  /** Decrypts `data[start, end)` in place, as one buffer. @throws ProtocolError `INVALID_ARGUMENT` for a range outside `data`. */
  decryptInPlace(data: Uint8Array, start = 0, end = data.length): void {
    checkRange(data.length, start, end);
    this.run(viewOf(data), data.byteOffset + start, end - start, false);
  }

  /**
   * The byte loop of NexusForever, eight bytes at a time, over `length` bytes of `view` from `at`
   * (checked by the caller to lie within its data): byte `i` is XORed with register byte `i % 8`
   * and key byte `block * 8 + i % 8`, so whole blocks work as two little-endian 32-bit halves.
   */
  private run(view: DataView, at: number, length: number, encrypting: boolean): void {
    const key = this.keyWords;
    // The C# code multiplies as uint: keep the low 32 bits. Only the low 4 bits pick a key block.
    let counter = Math.imul(LENGTH_MULTIPLIER, length);
    let lo = this.initialLo;
    let hi = this.initialHi;
    const whole = at + (length & ~7);
    for (; at < whole; at += 8) {
      const block = (counter & 0xf) << 1;
      counter++;
      const inLo = view.getInt32(at, true);
      const inHi = view.getInt32(at + 4, true);
      const outLo = lo ^ inLo ^ key[block]!;
      const outHi = hi ^ inHi ^ key[block + 1]!;
      view.setInt32(at, outLo, true);
      view.setInt32(at + 4, outHi, true);
      if (encrypting) {
        lo = outLo;
        hi = outHi;
      } else {
        lo = inLo;
        hi = inHi;
      }
    }
    // The tail's register bytes are never fed back to anything, so no update is needed.
    const block = (counter & 0xf) << 3;
    const stop = at + (length & 7);
    for (let lane = 0; at < stop; at++, lane++) {
      const register = lane < 4 ? lo >>> (lane * 8) : hi >>> ((lane - 4) * 8);
      view.setUint8(at, view.getUint8(at) ^ register ^ this.key[block + lane]!);
    }
  }
}

/**
 * `bytes` as little-endian 32-bit words for {@link PacketCrypt.encryptWordsInto}, zero-padded to
 * whole 8-byte blocks: byte `i` is bits `8 * (i % 4)` up of word `i >> 2`, on any platform.
 */
export function plainWords(bytes: Uint8Array): Int32Array {
  const length = bytes.length;
  const words = new Int32Array(((length + 7) >>> 3) << 1);
  for (let i = 0; i < length; i++) words[i >>> 2]! |= bytes[i]! << ((i & 3) * 8);
  return words;
}

/** @throws ProtocolError `INVALID_ARGUMENT` unless `0 <= start <= end <= length` (a range outside the data would reach its buffer's neighbours). */
function checkRange(length: number, start: number, end: number): void {
  if (!(start >= 0 && start <= end && end <= length)) {
    throw new ProtocolError("INVALID_ARGUMENT", `range ${start}..${end} is outside the ${length} bytes given`);
  }
}
