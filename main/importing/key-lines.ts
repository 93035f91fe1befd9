/**
 * The line where each identity of a file was first seen, for "duplicate in file". A million numeric
 * identities in a Map cost tens of megabytes of boxed numbers and seconds of collection; here they sit
 * in two typed arrays (open addressing). Text identities (ids beyond the numeric packing) use a Map.
 */
export class KeyLines {
  private keys = new Float64Array(1 << 16).fill(-1);
  private lines = new Int32Array(1 << 16);
  private size = 0;
  private readonly text = new Map<string, number>();

  /** The line of an earlier row with this identity, or 0 after remembering `line` for it. */
  firstLine(key: number | string, line: number): number {
    if (typeof key === 'string') {
      const earlier = this.text.get(key);
      if (earlier) return earlier;
      this.text.set(key, line);
      return 0;
    }
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const slot = this.find(this.keys, key);
    if (this.keys[slot] === key) return this.lines[slot]!;
    this.keys[slot] = key;
    this.lines[slot] = line;
    this.size++;
    return 0;
  }

  /** Linear probing from a mixed hash of the key's two 32-bit halves; -1 marks an empty slot (keys are >= 0). */
  private find(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    // Fibonacci hashing keeps the product's high bits: the low bits of packed keys (months) repeat.
    const mixed = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b), 0x9e3779b1);
    let slot = (mixed >>> (32 - Math.log2(keys.length))) & mask;
    while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.lines = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === -1) continue;
      const slot = this.find(this.keys, oldKeys[i]!);
      this.keys[slot] = oldKeys[i]!;
      this.lines[slot] = oldLines[i]!;
    }
  }
}
