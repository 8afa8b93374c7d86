/**
 * Bit-at-a-time ports of NexusForever's GamePacketWriter.Write(bool)/WriteBits and
 * GamePacketReader.ReadBit/ReadBits, to check the fast bit stream against. Tests only.
 */
export class ReferenceWriter {
  private readonly bytes: number[] = [];
  private bitPosition = 0;
  private bitValue = 0;

  bit(value: boolean): void {
    if (value) this.bitValue |= 1 << this.bitPosition;
    this.bitPosition++;
    if (this.bitPosition === 8) this.flush();
  }

  bits(value: bigint, count: number): void {
    for (let i = 0; i < count; i++) this.bit(((value >> BigInt(i)) & 1n) === 1n);
  }

  flush(): void {
    if (this.bitPosition === 0) return;
    this.bytes.push(this.bitValue);
    this.bitPosition = 0;
    this.bitValue = 0;
  }

  finish(): Buffer {
    this.flush();
    return Buffer.from(this.bytes);
  }
}

export class ReferenceReader {
  private index = 0;
  private position = 8;
  private value = 0;

  constructor(private readonly bytes: Uint8Array) {}

  bit(): boolean {
    if (this.position >= 7) {
      if (this.index >= this.bytes.length) throw new Error("end of stream");
      this.value = this.bytes[this.index++]!;
      this.position = 0;
    } else {
      this.position++;
    }
    return ((this.value >> this.position) & 1) !== 0;
  }

  bits(count: number): bigint {
    let value = 0n;
    for (let i = 0; i < count; i++) if (this.bit()) value |= 1n << BigInt(i);
    return value;
  }
}
