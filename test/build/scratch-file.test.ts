/**
 * The scratch file a build's emission sets bytes aside in (FileScratch, in the staging folder): bytes
 * appended are read back at the offsets given, appends at once do not overlap, and closing deletes it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileScratch } from '../../pipeline/build/lib/scratch-file.js';
import { MemoryScratch, type Scratch } from '../../pipeline/emit/index.js';

const folder = mkdtempSync(join(tmpdir(), 'odp-scratch-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const kinds: Array<[string, (name: string) => Promise<Scratch>]> = [
  ['in a file', (name) => FileScratch.create(join(folder, name))],
  ['in memory', async () => new MemoryScratch()],
];

describe.each(kinds)('a scratch %s', (_, create) => {
  it('reads back what was appended at the offsets the appends gave, in any order, into any place', async () => {
    const scratch = await create('order');
    const first = await scratch.append(Buffer.from('Zürich – '));
    const second = await scratch.append(Buffer.from('東京'));
    expect([first, second]).toEqual([0, Buffer.byteLength('Zürich – ')]);
    const target = Buffer.alloc(12, '.');
    scratch.readInto(target, 1, second, 6);
    scratch.readInto(target, 8, 0, 3);
    expect(target.toString('utf8')).toBe('.東京.Zü.');
    await scratch.close();
  });

  it('keeps appends made at once apart, and a copy of bytes their giver reuses', async () => {
    const scratch = await create('together');
    const given = Buffer.from('aaaa');
    const offsets = await Promise.all(['a', 'b', 'c', 'd'].map((letter) => scratch.append(Buffer.from(letter.repeat(100_000)))));
    const reused = await scratch.append(given);
    given.fill('z');
    for (const [index, offset] of offsets.entries()) {
      const back = Buffer.alloc(100_000);
      scratch.readInto(back, 0, offset, back.byteLength);
      expect(back.every((byte) => byte === 'abcd'.charCodeAt(index))).toBe(true);
    }
    const back = Buffer.alloc(4);
    scratch.readInto(back, 0, reused, 4);
    expect(back.toString()).toBe('aaaa');
    await scratch.close();
  });

  it('reads back at once what many small appends gave, across the blocks they are written in', async () => {
    const scratch = await create('small');
    // Three megabytes in pieces of a few kilobytes (a page's events), and one over a megabyte amid them;
    // the last ones not written yet when read.
    const pieces = Array.from({ length: 1000 }, (_, index) => Buffer.alloc(index === 500 ? 1_500_000 : 3001 + (index % 7), index % 251));
    const offsets: number[] = [];
    for (const piece of pieces) offsets.push(await scratch.append(piece));
    const whole = Buffer.concat(pieces);
    const back = Buffer.alloc(whole.byteLength);
    scratch.readInto(back, 0, 0, back.byteLength);
    expect(back.equals(whole)).toBe(true);
    for (const index of [0, 349, 350, 499, 500, 501, 698, 999]) {
      const one = Buffer.alloc(pieces[index]!.byteLength);
      scratch.readInto(one, 0, offsets[index]!, one.byteLength);
      expect(one.equals(pieces[index]!)).toBe(true);
    }
    await scratch.close();
  });

  it('refuses to read past what was appended', async () => {
    const scratch = await create('past');
    await scratch.append(Buffer.from('abc'));
    expect(() => scratch.readInto(Buffer.alloc(4), 0, 0, 4)).toThrow(/past its end/);
    await scratch.close();
  });
});

it('a scratch file is deleted when closed, and is not made over a file that exists', async () => {
  const path = join(folder, 'deleted');
  const scratch = await FileScratch.create(path);
  await scratch.append(Buffer.from('x'));
  expect(existsSync(path)).toBe(true);
  await expect(FileScratch.create(path)).rejects.toThrow(/EEXIST/);
  await scratch.close();
  expect(existsSync(path)).toBe(false);
});
