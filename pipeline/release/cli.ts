/**
 * The release command: checks a built dataset, compares it with the previous release and writes the
 * release files.
 *
 *   npm run release -- [--dist DIR] [--previous DIR|ARCHIVE|GIT-REF] [--out DIR]
 *
 * Exit code 0 on success, 1 when the release is refused (stale dist/, version too small…), with one
 * line saying why and no stack trace, 2 on a wrong command line.
 */
import { basename } from 'node:path';
import { readCommandLine } from '../command/index.js';
import { release } from './index.js';

const usage = `Usage:
  npm run release -- [--dist DIR] [--previous DIR|ARCHIVE|GIT-REF] [--out DIR]

  --dist DIR        the built dataset to release (default: dist)
  --previous WHAT   the previous release: a dataset folder, a release archive (.tar.gz) or a git ref
                    whose commit holds the dataset at the --dist path (default: the highest v<SemVer>
                    tag reachable from HEAD, other than HEAD's own; without one, a first release)
  --out DIR         where the release files are written (default: release)`;

async function main(argv: string[]): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: false,
      options: {
        dist: { type: 'string', default: 'dist' },
        previous: { type: 'string' },
        out: { type: 'string', default: 'release' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
    { stderr: (text) => process.stderr.write(text), help: (text) => process.stdout.write(text) },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  try {
    const result = await release({ dist: values.dist, out: values.out, ...(values.previous !== undefined ? { previous: values.previous } : {}) });
    const since = result.previousVersion === undefined ? 'first release' : `${result.bump} changes since ${result.previousVersion}${result.previousLabel && result.previousLabel !== result.previousVersion ? ` (${result.previousLabel})` : ''}`;
    const written = Object.values(result.files).map((path) => basename(path));
    process.stdout.write(`Released ${result.name} ${result.version}, ${since}: ${values.out.replace(/\/+$/, '')}/ ${written.join(', ')}\n`);
    return 0;
  } catch (error) {
    // A refused release and an unexpected failure alike: one line, no stack trace.
    process.stderr.write(`release failed: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
