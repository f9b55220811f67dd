/**
 * The command line's entry point (`npm run build`, `npm run check`): see pipeline/command/ and
 * `npm run build -- --help`.
 */
import { main } from './command/index.js';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  interactive: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
