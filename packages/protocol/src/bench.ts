import { PacketChannel } from "./channel";
import { keyFromAuthBuildAndMessage, PacketCrypt } from "./crypto";
import { FRAME_HEADER_SIZE } from "./framing";
import { ClientChat, ClientPing, ServerCharacterList, ServerChat, ServerReputationUpdate, ServerTitleUpdate, ServerTitles } from "./packets/index";
import type { PacketValue } from "./schema/packet";

/** Options of {@link benchCodec}. */
export interface BenchCodecOptions {
  /** Seconds spent on each of the two measurements (default 1). */
  readonly seconds?: number;
  /**
   * `mix` (default): the world packet mix below, both directions. `chat`: one ServerChat line of
   * about 185 bytes on the wire, the packet a zone sends most.
   */
  readonly packets?: "mix" | "chat";
}

/** What {@link benchCodec} measured. */
export interface BenchCodecResult {
  /** Packets in one round of the mix. */
  readonly mixSize: number;
  /** Average bytes on the wire per packet of the mix, frames and wrappers included. */
  readonly bytesPerPacket: number;
  /** Packets per second encoded and decoded through bit stream, crypto and framing. */
  readonly codecPacketsPerSecond: number;
  /**
   * The limit: packets per second through hand-written Buffer code touching the same bytes: a new
   * frame written word by word, encrypted with the same PacketCrypt stream, then decrypted and
   * read back word by word. It does everything but the bit packing and the field-by-field schema.
   */
  readonly bufferPacketsPerSecond: number;
  /** `codecPacketsPerSecond / bufferPacketsPerSecond`. */
  readonly ratio: number;
}

type ServerOut =
  | [typeof ServerCharacterList, PacketValue<typeof ServerCharacterList>]
  | [typeof ServerChat, PacketValue<typeof ServerChat>]
  | [typeof ServerReputationUpdate, PacketValue<typeof ServerReputationUpdate>]
  | [typeof ServerTitles, PacketValue<typeof ServerTitles>]
  | [typeof ServerTitleUpdate, PacketValue<typeof ServerTitleUpdate>];
type ClientOut = [typeof ClientPing, PacketValue<typeof ClientPing>] | [typeof ClientChat, PacketValue<typeof ClientChat>];

function character(i: number): PacketValue<typeof ServerCharacterList>["characters"][number] {
  const visual = (slot: number) => ({ slot, displayId: 1000 + slot, colourSetId: 0, dyeData: 0 });
  return {
    id: BigInt(1000 + i),
    name: `Benchmark Hero ${i}`,
    sex: i % 2,
    race: 1,
    class: 2,
    faction: 166,
    level: 50,
    appearance: Array.from({ length: 8 }, (_, s) => visual(s)),
    gear: Array.from({ length: 12 }, (_, s) => visual(s + 20)),
    worldId: 870,
    worldZoneId: 1,
    realmId: 1,
    location: { position: { x: 100.5, y: -20.25, z: 3000 }, yaw: 1.5, pitch: 0 },
    path: 1,
    isLocked: false,
    requiresRename: false,
    gearMask: 0xffffffff,
    customisations: Array.from({ length: 6 }, (_, k) => ({ label: k, value: k * 3 })),
    bones: Array.from({ length: 30 }, (_, k) => k / 10),
    lastLoggedOutDays: 0.5,
  };
}

function chatLine(): PacketValue<typeof ServerChat> {
  return {
    channel: { type: 9, chatId: 0n },
    gm: false,
    self: false,
    autoResponse: false,
    from: { realmId: 1, characterId: 1234n },
    fromName: "Somebody",
    fromRealm: "Nexus",
    presenceState: 0,
    text: "Anyone up for Stormtalon? LFM tank and healer, need 2 more",
    formats: [],
    crossFaction: false,
    chatMessageId: 0,
    unitId: 77,
    premiumTier: 0,
  };
}

function serverMix(): ServerOut[] {
  const chat = chatLine();
  const mix: ServerOut[] = [
    [
      ServerCharacterList,
      {
        serverTime: 1_700_000_000n,
        characters: [character(0), character(1), character(2)],
        enabledCharacterCreationIds: [],
        disabledCharacterCreationIds: [],
        realmId: 1,
        characterRemoveIdentity: { realmId: 0, characterId: 0n },
        characterRemoveTime: 0,
        characterReservationCount: 0,
        maxNumberCharacters: 12,
        additionalCount: 0,
        factionRestriction: 0,
        freeLevel50: false,
      },
    ],
    [ServerTitles, { titles: Array.from({ length: 20 }, (_, i) => ({ titleId: 100 + i, revoked: false, inSchedule: false, timeRemaining: 0 })) }],
  ];
  for (let i = 0; i < 4; i++) mix.push([ServerChat, chat]);
  for (let i = 0; i < 6; i++) mix.push([ServerReputationUpdate, { factionId: 166 + i, value: 2900 + i * 25 }]);
  for (let i = 0; i < 2; i++) mix.push([ServerTitleUpdate, { titleId: 300 + i, alreadyOwned: false, revoked: false }]);
  return mix;
}

function clientMix(): ClientOut[] {
  const mix: ClientOut[] = [];
  for (let i = 0; i < 4; i++) mix.push([ClientPing, {}]);
  for (let i = 0; i < 2; i++) {
    mix.push([ClientChat, { channel: { type: 4, chatId: 0n }, message: "!rep add 166 250", formats: [], chatMessageId: i }]);
  }
  return mix;
}

/** Bytes before an encrypted body: the frame header and the wrapper's u32 length. */
const ENCRYPTED_BODY_AT = FRAME_HEADER_SIZE + 4;

/**
 * What a hand-written codec would do with one frame whose plaintext is `plain`: write a new frame
 * (header fields, then the body a 32-bit word at a time), encrypt the body with the same XOR
 * stream, then read it back: header fields, decrypt, every body word. Returns a checksum.
 */
function handWritten(plain: Buffer, crypt: PacketCrypt): number {
  const length = plain.length;
  const out = Buffer.allocUnsafe(length);
  out.writeUInt32LE(length, 0);
  out.writeUInt16LE(plain.readUInt16LE(4), 4);
  out.writeUInt32LE(length - FRAME_HEADER_SIZE, FRAME_HEADER_SIZE);
  let i = ENCRYPTED_BODY_AT;
  for (; i + 4 <= length; i += 4) out.writeUInt32LE(plain.readUInt32LE(i), i);
  for (; i < length; i++) out[i] = plain[i] as number;
  crypt.encryptInPlace(out, ENCRYPTED_BODY_AT);

  let sum = out.readUInt32LE(0) + out.readUInt16LE(4) + out.readUInt32LE(FRAME_HEADER_SIZE);
  crypt.decryptInPlace(out, ENCRYPTED_BODY_AT);
  i = ENCRYPTED_BODY_AT;
  for (; i + 4 <= length; i += 4) sum = (sum + out.readUInt32LE(i)) | 0;
  for (; i < length; i++) sum = (sum + (out[i] as number)) | 0;
  return sum;
}

function timeLoop(seconds: number, round: () => number): number {
  const deadline = performance.now() + seconds * 1000;
  let packets = 0;
  const started = performance.now();
  while (performance.now() < deadline) {
    for (let i = 0; i < 16; i++) packets += round();
  }
  return packets / ((performance.now() - started) / 1000);
}

/**
 * Measures encode + decode of a realistic world packet mix (character list, chat, reputation
 * updates, titles, pings) through bit stream, PacketCrypt and framing, next to hand-written Buffer
 * code writing, encrypting, decrypting and reading the very same bytes. Pure CPU, no I/O; returns
 * numbers, prints nothing.
 */
export function benchCodec(options: BenchCodecOptions = {}): BenchCodecResult {
  const seconds = options.seconds ?? 1;
  const server = new PacketChannel({ role: "server", maxFrameSize: 1 << 20 });
  const client = new PacketChannel({ role: "client", maxFrameSize: 1 << 20 });
  const chatOnly = options.packets === "chat";
  const toClient: ServerOut[] = chatOnly ? [[ServerChat, chatLine()]] : serverMix();
  const toServer: ClientOut[] = chatOnly ? [] : clientMix();
  const mixSize = toClient.length + toServer.length;

  const encodeAll = (): Buffer[] => [
    ...toClient.map(([def, value]) => server.encode(def as typeof ServerChat, value as PacketValue<typeof ServerChat>)),
    ...toServer.map(([def, value]) => client.encode(def as typeof ClientChat, value as PacketValue<typeof ClientChat>)),
  ];
  // Both channels start with the same key, so one PacketCrypt turns every frame back into plaintext.
  const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());
  const frames = encodeAll();
  const plains = frames.map((frame) => {
    const plain = Buffer.from(frame);
    crypt.decryptInPlace(plain, ENCRYPTED_BODY_AT);
    return plain;
  });
  const wireBytes = frames.reduce((n, f) => n + f.length, 0);

  let sink = 0;
  const codecRound = (): number => {
    for (const [def, value] of toClient) {
      const frame = server.encode(def as typeof ServerChat, value as PacketValue<typeof ServerChat>);
      sink += client.push(frame).length;
    }
    for (const [def, value] of toServer) {
      const frame = client.encode(def as typeof ClientChat, value as PacketValue<typeof ClientChat>);
      sink += server.push(frame).length;
    }
    return mixSize;
  };
  const bufferRound = (): number => {
    for (const plain of plains) sink += handWritten(plain, crypt);
    return mixSize;
  };
  // Warm both paths up so the JIT has optimised them before anything is timed.
  timeLoop(seconds / 10, codecRound);
  timeLoop(seconds / 10, bufferRound);
  const codecRate = timeLoop(seconds, codecRound);
  const bufferRate = timeLoop(seconds, bufferRound);
  if (sink === 0.5) throw new Error("unreachable: keeps the work observable");

  return {
    mixSize,
    bytesPerPacket: wireBytes / mixSize,
    codecPacketsPerSecond: codecRate,
    bufferPacketsPerSecond: bufferRate,
    ratio: codecRate / bufferRate,
  };
}
