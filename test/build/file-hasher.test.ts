import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileHasher } from '../../pipeline/build/lib/file-hasher.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-hasher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Runs `use` with a hasher of its own, closed after, whatever happens. */
async function withHasher(use: (hasher: FileHasher) => Promise<void>): Promise<void> {
  const hasher = new FileHasher();
  try {
    await use(hasher);
  } finally {
    await hasher.close();
  }
}

describe('the file hasher', () => {
  it('gives the size and SHA-256 of files as they are on disk, several asked at once, each its own', async () => {
    // Larger than the worker's read block, and one empty: every byte is read, and none is taken for another file's.
    const files = [Buffer.alloc(0), Buffer.from('é\r\n'), Buffer.alloc((1 << 20) * 2 + 7, 'a')].map((bytes, index) => {
      const path = join(scratch, `file-${index}`);
      writeFileSync(path, bytes);
      return { path, bytes };
    });
    await withHasher(async (hasher) => {
      const fingerprints = await Promise.all(files.map(({ path }) => hasher.hash(path)));
      expect(fingerprints).toEqual(files.map(({ bytes }) => ({ bytes: bytes.byteLength, sha256: sha256(bytes) })));
    });
  });

  it('follows a file as it is written, and gives the fingerprint of the whole once it is finished', async () => {
    const path = join(scratch, 'growing');
    const parts = [Buffer.alloc(3 << 20, 'x'), Buffer.from('middle'), Buffer.alloc((1 << 20) + 5, 'y')];
    await withHasher(async (hasher) => {
      writeFileSync(path, '');
      const following = hasher.follow(path);
      let written = 0;
      for (const part of parts) {
        appendFileSync(path, part);
        written += part.byteLength;
        following.written(written);
      }
      // Told less than is written: the rest is read at the finish.
      appendFileSync(path, 'tail');
      const whole = Buffer.concat([...parts, Buffer.from('tail')]);
      expect(await following.finish()).toEqual({ bytes: whole.byteLength, sha256: sha256(whole) });
    });
  });

  it('rejects a file it cannot read with the reason, and goes on with the next', async () => {
    const path = join(scratch, 'present');
    writeFileSync(path, 'present');
    await withHasher(async (hasher) => {
      await expect(hasher.hash(join(scratch, 'missing'))).rejects.toThrow(/^could not read back a written file: ENOENT/);
      await expect(hasher.hash(path)).resolves.toEqual({ bytes: 7, sha256: sha256(Buffer.from('present')) });
    });
  });

  it('fails the finish of a file it followed when it was closed in between, rather than leave it waiting', async () => {
    const hasher = new FileHasher();
    const path = join(scratch, 'followed');
    writeFileSync(path, 'some bytes');
    const following = hasher.follow(path);
    following.written(10);
    await hasher.close();
    await expect(following.finish()).rejects.toThrow(/stopped/);
  });

  it('fails what it was asked and has not answered when it is closed, rather than leave it waiting', async () => {
    const hasher = new FileHasher();
    const path = join(scratch, 'large');
    writeFileSync(path, Buffer.alloc(64 << 20, 'b'));
    const asked = hasher.hash(path);
    asked.catch(() => undefined);
    await hasher.close();
    await expect(asked).rejects.toThrow(/stopped/);
  });
});
