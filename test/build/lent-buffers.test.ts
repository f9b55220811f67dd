import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LentBuffers } from '../../pipeline/build/lib/lent-buffers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-lent-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const mebibyte = 1 << 20;

describe('lent buffers', () => {
  it('lends a buffer given back again, and a new one while the first is out', () => {
    const buffers = new LentBuffers();
    const first = buffers.borrow(10);
    expect(first.byteLength).toBeGreaterThanOrEqual(10);
    const second = buffers.borrow(10);
    expect(second).not.toBe(first);
    buffers.giveBack(first);
    expect(buffers.borrow(10)).toBe(first);
  });

  it('replaces the smallest buffer given back when none is large enough, keeping no more than were lent at once', () => {
    const buffers = new LentBuffers();
    const small = buffers.borrow(1);
    const other = buffers.borrow(1);
    buffers.giveBack(small);
    buffers.giveBack(other);
    const large = buffers.borrow(3 * mebibyte);
    expect(large.byteLength).toBeGreaterThanOrEqual(3 * mebibyte);
    // One of the two small ones was dropped for the large one: one small one is left.
    const left = buffers.borrow(1);
    expect([small, other]).toContain(left);
    const fresh = buffers.borrow(1);
    expect([small, other, large]).not.toContain(fresh);
  });

  it("reads a file's bytes, larger than any buffer lent before, into a borrowed buffer", async () => {
    const path = join(scratch, 'bytes');
    const contents = Buffer.alloc(2 * mebibyte + 5, 'é');
    writeFileSync(path, contents);
    const buffers = new LentBuffers();
    const { buffer, bytes } = buffers.read(path);
    expect(bytes.equals(contents)).toBe(true);
    expect(bytes.buffer).toBe(buffer.buffer);
    buffers.giveBack(buffer);
    writeFileSync(path, 'short');
    const again = buffers.read(path);
    expect(again.buffer).toBe(buffer);
    expect(again.bytes.toString()).toBe('short');
  });

  it('reads a file exactly as large as the buffer lent, and an empty one', async () => {
    const buffers = new LentBuffers();
    const lent = buffers.borrow(1);
    buffers.giveBack(lent);
    const path = join(scratch, 'exact');
    const contents = Buffer.alloc(lent.byteLength, 'x');
    contents.write('end', lent.byteLength - 3);
    writeFileSync(path, contents);
    const { buffer, bytes } = buffers.read(path);
    expect(bytes.equals(contents)).toBe(true);
    buffers.giveBack(buffer);
    writeFileSync(path, '');
    expect((buffers.read(path)).bytes.byteLength).toBe(0);
  });

  it('gives no buffer for a file that is not there', async () => {
    expect(() => new LentBuffers().read(join(scratch, 'missing'))).toThrow(/ENOENT/);
  });
});
