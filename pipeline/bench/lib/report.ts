/** The readable summary of a run, printed by `npm run bench`: a table per size, the scaling, the targets. */
import type { BenchResult, Phase } from './run.js';

export function formatReport(result: BenchResult): string {
  const { machine } = result;
  const lines = [
    `${machine.cpuCount} × ${machine.cpuModel}, ${(machine.totalMemoryMb / 1024).toFixed(1)} GiB, ${machine.os} ${machine.osRelease}, Node ${machine.node}` +
      `${result.git ? `, commit ${result.git.commit.slice(0, 12)}${result.git.dirty ? ' (uncommitted changes)' : ''}` : ''}, seed ${result.seed}, memory by ${result.measuredWith}`,
    result.startup
      ? `start-up (one page): floor ${result.startup.floor.seconds.toFixed(2)} s, build ${result.startup.build.seconds.toFixed(2)} s, ${mb(result.startup.build.peakRssMb)} MB`
      : 'start-up: not measured',
    ...(result.machine.nodeOptions ? [`NODE_OPTIONS=${result.machine.nodeOptions}`] : []),
    '',
  ];
  if (result.sizes.length > 0) lines.push(row(['pages', 'phase', 'time s', 'cpu s', 'pages/s', 'MB/s', 'peak RSS MB']));
  for (const size of result.sizes) {
    const phases: [string, Phase][] = [
      ['floor (remark-parse)', size.floor],
      ['cold build', size.cold],
      ['warm, one page changed', size.warmOneChanged],
      ['warm, nothing changed', size.warmUnchanged],
    ];
    for (const [name, phase] of phases) {
      lines.push(row([String(size.pages), name, phase.seconds.toFixed(2), phase.cpuSeconds?.toFixed(2) ?? '-', phase.pagesPerSecond.toFixed(1), phase.mbPerSecond.toFixed(2), mb(phase.peakRssMb)]));
    }
    const r = size.ratios;
    lines.push(
      `${' '.repeat(7)}full/floor ${r.fullOverFloor.toFixed(2)}` +
        `${r.fullOverFloorAfterStartup === null ? '' : ` (${r.fullOverFloorAfterStartup.toFixed(2)} without start-up)`}` +
        `, warm one changed/cold ${r.warmOneChangedOverCold.toFixed(2)}, warm unchanged/cold ${r.warmUnchangedOverCold.toFixed(2)}; ${(size.bytes / 2 ** 20).toFixed(1)} MB of Markdown`,
      `${' '.repeat(7)}cold: ${size.summaries.cold}`,
      `${' '.repeat(7)}warm: ${size.summaries.warmOneChanged.replace(/^.*\(/, '(')}, then ${size.summaries.warmUnchanged.replace(/^.*\(/, '(')}`,
      `${' '.repeat(7)}one page changed, ${size.warmOneChangedRuns.length} rebuilds (median above): ${size.warmOneChangedRuns.map((run) => `${run.seconds.toFixed(2)} s`).join(', ')}`,
      '',
    );
  }
  for (const s of result.scaling) {
    lines.push(
      `${s.from} → ${s.to} pages (×${s.pagesRatio.toFixed(1)}): floor time ×${s.floorTimeRatio.toFixed(2)}, cold time ×${s.coldTimeRatio.toFixed(2)}, ` +
        `warm time ×${s.warmOneChangedTimeRatio.toFixed(2)}, cold peak RSS ×${s.coldPeakRssRatio?.toFixed(2) ?? '-'}`,
    );
  }
  const failure = result.failure;
  if (failure) {
    lines.push(
      `FAILED at ${failure.pages ?? '?'} pages: ${failure.phase} ${failure.signal ? `was killed by ${failure.signal}` : `exited with code ${failure.exitCode}`} ` +
        `after ${failure.seconds.toFixed(1)} s, peak RSS ${mb(failure.peakRssMb)} MB`,
    );
    const done = failure.completed;
    const names: [string, Phase | undefined][] = [['floor', done.floor], ['cold build', done.cold], ['warm, one page changed', done.warmOneChanged]];
    for (const [name, phase] of names) {
      if (phase) lines.push(`  before it: ${name} ${phase.seconds.toFixed(2)} s, ${phase.pagesPerSecond.toFixed(1)} pages/s, ${phase.mbPerSecond.toFixed(2)} MB/s, peak RSS ${mb(phase.peakRssMb)} MB`);
    }
  }
  if (result.targets.length > 0) {
    lines.push('', 'targets (set at 10,000 pages; for information):');
    for (const t of result.targets) {
      const verdict = t.met === null ? 'not measured' : t.met ? 'met' : 'missed';
      lines.push(`  ${verdict.padEnd(12)} ${t.target}: ${t.value === null ? '-' : t.value.toFixed(2)} (limit ${t.limit}) at ${t.at}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const widths = [7, 24, 9, 9, 10, 8, 12];

function row(cells: string[]): string {
  return cells.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ').trimEnd();
}

function mb(value: number | null): string {
  return value === null ? '-' : value.toFixed(0);
}
