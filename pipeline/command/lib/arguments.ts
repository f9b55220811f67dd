import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit code of a command given a wrong command line (the sysexits/GNU convention every command here follows). */
export const usageExitCode = 2;

/**
 * Reads a command line with node's parseArgs. On a wrong one, writes why and the usage to `stderr` and
 * gives exit code 2; on --help (an option every command declares), writes the usage to `help` and
 * gives 0. Otherwise gives what parseArgs read.
 */
export function readCommandLine<T extends ParseArgsConfig & { options: { help: { type: 'boolean' } } }>(
  config: T,
  usage: string,
  write: { stderr: (text: string) => void; help: (text: string) => void },
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    write.stderr(`${(error as Error).message}\n\n${usage}\n`);
    return usageExitCode;
  }
  if ((parsed.values as { help?: boolean }).help) {
    write.help(`${usage}\n`);
    return 0;
  }
  return parsed;
}
