/**
 * Runs a command as a child process and measures it: wall time, CPU time (user + system) and the peak
 * resident memory of the child. On Linux with GNU time (`/usr/bin/time -f`), the figures come from the
 * kernel's accounting of the finished child (getrusage: ru_maxrss, ru_utime, ru_stime); without it, from
 * polling /proc/<pid>/status (VmHWM, the kernel's own high-water mark) and /proc/<pid>/stat while it runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  /** Wall time from spawn to exit, in seconds. */
  seconds: number;
  /** User + system CPU time of the child, in seconds; undefined when it could not be read. */
  cpuSeconds: number | undefined;
  /** Peak resident set size of the child, in MiB; undefined when it could not be read. */
  peakRssMb: number | undefined;
  /** How the memory and CPU figures were read. */
  method: MeasureMethod;
  /** Exit code, or undefined when the child was killed by a signal. */
  exitCode: number | undefined;
  signal: string | undefined;
  /** The end of the child's output (at most `outputTail` characters of each stream). */
  stdout: string;
  stderr: string;
}

export type MeasureMethod = 'gnu-time' | 'proc' | 'wall-only';

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Force a method (tests); by default the best one this machine has. */
  method?: MeasureMethod;
}

/** How much of each output stream is kept: enough for the last diagnostics of a failed build. */
export const outputTail = 64 * 1024;

const gnuTime = '/usr/bin/time';
let detected: MeasureMethod | undefined;

/** The best method this machine has: GNU time, else /proc, else wall time alone. */
export function measureMethod(): MeasureMethod {
  if (detected) return detected;
  if (existsSync(gnuTime) && spawnSync(gnuTime, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0) detected = 'gnu-time';
  else if (existsSync('/proc/self/status')) detected = 'proc';
  else detected = 'wall-only';
  return detected;
}

/** Runs `command args` to its end and measures it. Never throws for a failing child: read `exitCode`. */
export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const method = options.method ?? measureMethod();
  if (method === 'gnu-time') {
    const folder = await mkdtemp(join(tmpdir(), 'odp-measure-'));
    const report = join(folder, 'time.txt');
    try {
      // %M: peak RSS in KiB; %U, %S: user and system seconds. Written to a file, apart from the child's stderr.
      const run = await runChild(gnuTime, ['-f', '%M %U %S', '-o', report, command, ...args], options, undefined);
      const { signal, ...figures } = parseTimeReport(await readFile(report, 'utf8').catch(() => ''));
      // GNU time exits 128 + n when its child was killed by signal n, and says so in its report.
      return { ...run, ...figures, ...(signal ? { signal, exitCode: undefined } : {}), method };
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  if (method === 'proc') {
    const peak = { rssKb: 0, cpuTicks: 0 };
    const run = await runChild(command, args, options, (pid) => pollProc(pid, peak));
    return { ...run, peakRssMb: peak.rssKb > 0 ? peak.rssKb / 1024 : undefined, cpuSeconds: peak.cpuTicks > 0 ? peak.cpuTicks / clockTicks() : undefined, method };
  }
  const run = await runChild(command, args, options, undefined);
  return { ...run, peakRssMb: undefined, cpuSeconds: undefined, method };
}

/**
 * Reads GNU time's report: its last line is "%M %U %S"; before it, it may say "Command exited with
 * non-zero status 1" or "Command terminated by signal 9".
 */
export function parseTimeReport(report: string): { peakRssMb: number | undefined; cpuSeconds: number | undefined; signal?: string } {
  const lines = report.trim().split('\n');
  const match = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(lines.at(-1)?.trim() ?? '');
  const killed = /^Command terminated by signal (\d+)$/m.exec(report);
  const signal = killed ? (Object.entries(constants.signals).find(([, n]) => n === Number(killed[1]))?.[0] ?? `signal ${killed[1]}`) : undefined;
  const figures = match
    ? { peakRssMb: Number(match[1]) / 1024, cpuSeconds: Number(match[2]) + Number(match[3]) }
    : { peakRssMb: undefined, cpuSeconds: undefined };
  return signal ? { ...figures, signal } : figures;
}

interface ChildRun {
  seconds: number;
  exitCode: number | undefined;
  signal: string | undefined;
  stdout: string;
  stderr: string;
}

function runChild(command: string, args: readonly string[], options: MeasureOptions, watch: ((pid: number) => () => void) | undefined): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = new Tail();
    const stderr = new Tail();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    const stop = child.pid !== undefined && watch ? watch(child.pid) : () => {};
    child.on('error', (error) => {
      stop();
      reject(error);
    });
    child.on('close', (code, signal) => {
      stop();
      resolvePromise({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        exitCode: code ?? undefined,
        signal: signal ?? undefined,
        stdout: stdout.text(),
        stderr: stderr.text(),
      });
    });
  });
}

/** Keeps the last `outputTail` characters of a stream. */
class Tail {
  private chunks: string[] = [];
  private length = 0;

  push(chunk: string): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= outputTail) this.length -= this.chunks.shift()!.length;
  }

  text(): string {
    const all = this.chunks.join('');
    return all.length > outputTail ? all.slice(all.length - outputTail) : all;
  }
}

/**
 * Reads the child's high-water mark of resident memory (VmHWM, which the kernel keeps, so polling
 * misses nothing but the last moments) and its CPU ticks, every 20 ms until it exits.
 */
function pollProc(pid: number, peak: { rssKb: number; cpuTicks: number }): () => void {
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
      if (hwm) peak.rssKb = Math.max(peak.rssKb, Number(hwm[1]));
      // Fields 14 and 15 of /proc/<pid>/stat (after the command name in brackets): utime and stime in ticks.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (Number.isFinite(ticks)) peak.cpuTicks = Math.max(peak.cpuTicks, ticks);
    } catch {
      // The child has exited between two reads.
    }
  };
  read();
  const timer = setInterval(read, 20);
  return () => clearInterval(timer);
}

let ticks: number | undefined;

/** Clock ticks per second (getconf CLK_TCK), 100 when it cannot be read. */
function clockTicks(): number {
  if (ticks === undefined) {
    const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const value = Number(answer.stdout?.trim());
    ticks = answer.status === 0 && value > 0 ? value : 100;
  }
  return ticks;
}
