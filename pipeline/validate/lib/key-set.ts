import xxhash from 'xxhash-wasm';

const { h64 } = await xxhash();

/** Words (32 bits) a key's digest takes: two 64-bit hashes, one bit of them set (see digestOf). */
const wordsPerKey = 4;

/** A new table is twice as large once a table is this full. */
const maxLoad = 0.7;

/**
 * A set of keys (strings) held as digests: each key's two 64-bit xxHash (of two seeds), in one typed
 * array with open addressing. A table of a million rows is checked with its keys in 23 to 46 bytes each (16
 * a slot, the table 35 to 70 % full), where a Set of strings took ~90 (a key is an id of about a
 * hundred characters). Two keys taken for one would
 * need two of them to share 127 bits of hash: no data set comes near (one in 10^25 at 10 million keys).
 * xxHash, not SHA-1: the check looks for the pipeline's own mistakes, not for keys made to collide,
 * and a key is hashed in a fifth of the time (a cold build of 10,000 pages hashes millions).
 */
export class KeySet {
  /** Each slot's digest, or four zero words where the slot is empty (no digest is all zeros). */
  #slots = new Uint32Array(1024 * wordsPerKey);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds `key`; whether it was not there yet. */
  add(key: string): boolean {
    const digest = digestOf(key);
    const slot = this.#find(digest);
    if (!isEmpty(this.#slots, slot)) return false;
    this.#slots.set(digest, slot);
    this.#size++;
    if (this.#size > maxLoad * this.#capacity()) this.#grow();
    return true;
  }

  has(key: string): boolean {
    return !isEmpty(this.#slots, this.#find(digestOf(key)));
  }

  #capacity(): number {
    return this.#slots.length / wordsPerKey;
  }

  /** The slot (its first word) holding `digest`, or the empty one where it would go. */
  #find(digest: Uint32Array): number {
    const slots = this.#slots;
    // Digests are uniform: their first word, masked, is the slot to look in first; then the next ones.
    const mask = this.#capacity() - 1;
    for (let index = digest[0]! & mask; ; index = (index + 1) & mask) {
      const slot = index * wordsPerKey;
      if (isEmpty(slots, slot)) return slot;
      if (slots[slot] === digest[0] && slots[slot + 1] === digest[1] && slots[slot + 2] === digest[2] && slots[slot + 3] === digest[3]) return slot;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += wordsPerKey) {
      if (isEmpty(old, slot)) continue;
      const digest = old.subarray(slot, slot + wordsPerKey);
      this.#slots.set(digest, this.#find(digest));
    }
  }
}

/** One digest at a time: taken into a slot before the next is made. */
const digest = new Uint32Array(wordsPerKey);
const halves = new BigUint64Array(digest.buffer);
/** The second hash's seed: any other than the first's (the golden ratio's bits, as xxHash's own constants). */
const secondSeed = 0x9e3779b97f4a7c15n;

/**
 * The key's digest (in a buffer reused by the next call). Its last word's lowest bit is set (the first
 * word picks the slot: it is left whole), so that no digest reads as an empty slot: 127 bits are left to tell keys apart.
 */
function digestOf(key: string): Uint32Array {
  halves[0] = h64(key, 0n);
  halves[1] = h64(key, secondSeed);
  digest[3] = digest[3]! | 1;
  return digest;
}

function isEmpty(slots: Uint32Array, slot: number): boolean {
  return slots[slot] === 0 && slots[slot + 1] === 0 && slots[slot + 2] === 0 && slots[slot + 3] === 0;
}
