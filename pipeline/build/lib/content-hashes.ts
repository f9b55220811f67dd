import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeWhole } from './files.js';

/**
 * The SHA-256 of each page's bytes as a build read them, by the page's path and its file's identity
 * (see PageSource.identity), so that a rebuild takes the hash of a page whose file is as it was from
 * here instead of reading the page and hashing it again: at 10,000 pages, that was 0.6 s of a 9 s
 * rebuild. What is hashed is still the page's bytes, only not again while its file is the same one,
 * unchanged: the identity holds the file's change time, which every write moves and no program sets
 * back, so a page written since is read again whatever its size and modification time say. This is
 * how git's index spares hashing the files of a working tree.
 */
export class ContentHashes {
  /** The entries this build looked up or made: what the next build finds. */
  readonly #kept = new Map<string, Entry>();
  #changed = false;

  private constructor(private readonly known: ReadonlyMap<string, Entry>) {}

  static empty(): ContentHashes {
    return new ContentHashes(new Map());
  }

  /** The hashes kept at `path`; none when there is no such file or it cannot be read (then every page is hashed). */
  static async read(path: string): Promise<ContentHashes> {
    let stored: unknown;
    try {
      stored = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      return ContentHashes.empty();
    }
    const known = new Map<string, Entry>();
    const pages = (stored as { pages?: unknown } | null)?.pages;
    if (Array.isArray(pages)) {
      for (const page of pages) {
        if (!Array.isArray(page) || page.length !== 3 || !page.every((part) => typeof part === 'string')) continue;
        const [relative, identity, hash] = page as [string, string, string];
        if (sha256Hex.test(hash)) known.set(relative, { identity, hash });
      }
    }
    return new ContentHashes(known);
  }

  /** The hash of the page at `relative` when its file has the identity it had when hashed; kept for the next build. */
  hashOf(relative: string, identity: string): string | undefined {
    const entry = this.known.get(relative);
    if (entry?.identity !== identity) return undefined;
    this.#kept.set(relative, entry);
    return entry.hash;
  }

  /** Hashes a page's bytes; remembered for the next build when its file has an identity (see PageSource.identity). */
  hash(relative: string, identity: string | undefined, bytes: Uint8Array): string {
    const hash = contentHash(bytes);
    if (identity !== undefined) {
      this.#kept.set(relative, { identity, hash });
      if (this.known.get(relative)?.identity !== identity) this.#changed = true;
    }
    return hash;
  }

  /** Writes what the next build should find to `path`, unless it is what was read from there. */
  async write(path: string): Promise<void> {
    // A page gone (or hashed without an identity) leaves the file too.
    if (!this.#changed && [...this.known.keys()].every((relative) => this.#kept.has(relative))) return;
    const pages = [...this.#kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([relative, { identity, hash }]) => [relative, identity, hash]);
    await writeWhole(path, JSON.stringify({ pages }));
  }
}

interface Entry {
  identity: string;
  hash: string;
}

const sha256Hex = /^[0-9a-f]{64}$/;

/** The SHA-256 of a page's bytes, in hexadecimal. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
