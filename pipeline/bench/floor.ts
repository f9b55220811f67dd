/**
 * node --import tsx pipeline/bench/floor.ts DIR
 * The bare floor of `npm run bench`: reads and parses every page under DIR with remark-parse alone, then
 * prints one JSON line: { pages, bytes, seconds }.
 */
import { parseFloor } from './lib/floor.js';

const folder = process.argv[2];
if (folder === undefined || process.argv.length > 3) {
  process.stderr.write('Usage: node --import tsx pipeline/bench/floor.ts DIR\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(await parseFloor(folder))}\n`);
}
