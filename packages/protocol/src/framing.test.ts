import { describe, expect, it } from "vitest";
import { ProtocolError } from "./errors";
import { FrameAssembler, encodeFrame, type Frame } from "./framing";

const simple = (frames: Frame[]) => frames.map((f) => ({ opcode: f.opcode, payload: f.payload.toString("hex") }));

function caught(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error("expected a ProtocolError");
}

describe("encodeFrame", () => {
  it("writes size (whole frame, itself included) and opcode little-endian", () => {
    expect(encodeFrame(0x01c3, Buffer.from("abcd", "hex")).toString("hex")).toBe("08000000c301abcd");
    expect(encodeFrame(0x0241, Buffer.alloc(0)).toString("hex")).toBe("060000004102");
  });

  it("refuses an opcode that does not fit 16 bits", () => {
    expect(caught(() => encodeFrame(0x10000, Buffer.alloc(0))).code).toBe("VALUE_OUT_OF_RANGE");
  });
});

describe("FrameAssembler", () => {
  const frames = [encodeFrame(0x0244, Buffer.from("0102030405", "hex")), encodeFrame(0x0241, Buffer.alloc(0)), encodeFrame(0x03dc, Buffer.alloc(300, 7))];
  const stream = Buffer.concat(frames);
  const expected = [
    { opcode: 0x0244, payload: "0102030405" },
    { opcode: 0x0241, payload: "" },
    { opcode: 0x03dc, payload: "07".repeat(300) },
  ];

  it("returns many frames from one chunk", () => {
    expect(simple(new FrameAssembler().push(stream))).toEqual(expected);
  });

  it("reassembles frames split at every byte boundary", () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const assembler = new FrameAssembler();
      const got = [...assembler.push(stream.subarray(0, cut)), ...assembler.push(stream.subarray(cut))];
      expect(simple(got)).toEqual(expected);
      expect(assembler.bufferedBytes).toBe(0);
    }
  });

  it("reassembles frames split at every pair of boundaries", () => {
    const small = Buffer.concat(frames.slice(0, 2));
    for (let a = 0; a <= small.length; a++) {
      for (let b = a; b <= small.length; b++) {
        const assembler = new FrameAssembler();
        const got = [a, b, small.length].reduce<{ at: number; out: Frame[] }>(
          (acc, end) => ({ at: end, out: [...acc.out, ...assembler.push(small.subarray(acc.at, end))] }),
          { at: 0, out: [] },
        ).out;
        expect(simple(got)).toEqual(expected.slice(0, 2));
      }
    }
  });

  it("works one byte at a time", () => {
    const assembler = new FrameAssembler();
    const got: Frame[] = [];
    for (const byte of stream) got.push(...assembler.push(Uint8Array.of(byte)));
    expect(simple(got)).toEqual(expected);
  });

  it("refuses undersized frames as soon as their size is known", () => {
    const assembler = new FrameAssembler();
    expect(assembler.push(Buffer.from("0500", "hex"))).toEqual([]);
    const error = caught(() => assembler.push(Buffer.from("0000", "hex")));
    expect(error.code).toBe("FRAME_TOO_SMALL");
    // the stream cannot be resynchronised: the assembler stays failed
    expect(caught(() => assembler.push(frames[1]!)).code).toBe("FRAME_TOO_SMALL");
  });

  it("refuses frames over the configured maximum before buffering them", () => {
    const assembler = new FrameAssembler({ maxFrameSize: 100 });
    expect(assembler.push(encodeFrame(1, Buffer.alloc(94))).length).toBe(1);
    expect(caught(() => assembler.push(encodeFrame(1, Buffer.alloc(95)).subarray(0, 4))).code).toBe("FRAME_TOO_LARGE");
    expect(caught(() => new FrameAssembler().push(Buffer.from("ffffffff", "hex"))).code).toBe("FRAME_TOO_LARGE");
  });

  it("refuses a nonsensical maximum", () => {
    expect(caught(() => new FrameAssembler({ maxFrameSize: 5 })).code).toBe("INVALID_ARGUMENT");
  });

  it("hands out payload copies that later pushes do not disturb", () => {
    const assembler = new FrameAssembler();
    const first = assembler.push(stream.subarray(0, 14));
    const held = first[0]!.payload;
    assembler.push(stream.subarray(14));
    assembler.push(Buffer.concat([stream, stream]));
    expect(held.toString("hex")).toBe("0102030405");
  });

  it("keeps every payload intact over many pushes, small and large, and apart from the chunk it came from", () => {
    const assembler = new FrameAssembler();
    const held: { payload: Buffer; expected: string }[] = [];
    // More than the payloads of many arenas, with sizes that leave every alignment, and some large.
    for (let i = 0; i < 3000; i++) {
      const size = i % 97 === 0 ? 5000 + i : (i * 7) % 131;
      const payload = Buffer.alloc(size, i & 0xff);
      const chunk = encodeFrame(i & 0xffff, payload);
      const [frame] = assembler.push(chunk);
      chunk.fill(0xee);
      held.push({ payload: frame!.payload, expected: payload.toString("hex") });
    }
    for (const frame of held) expect(frame.payload.toString("hex")).toBe(frame.expected);
  });
});
