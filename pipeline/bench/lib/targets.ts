/**
 * The targets of the "Scale to a whole site" issue, checked against a run's figures. They are set at
 * 10,000 pages on a 2-core machine; a run that stops short is checked at its largest size, and says so.
 */
import type { Scaling, SizeResult } from './run.js';

export interface TargetCheck {
  target: string;
  /** The page count the figure is of (the largest size, or the pair a scaling ratio is between). */
  at: string;
  value: number | null;
  limit: number;
  met: boolean | null;
}

/** The page count the targets are set at. */
export const targetPages = 10_000;

export function checkTargets(sizes: readonly SizeResult[], scaling: readonly Scaling[]): TargetCheck[] {
  const largest = sizes.at(-1);
  if (!largest) return [];
  const at = `${largest.pages} pages`;
  const check = (target: string, where: string, value: number | null, limit: number): TargetCheck => ({ target, at: where, value, limit, met: value === null ? null : value <= limit });
  const checks = [
    check('full cold build ≤ 1.5 × floor', at, largest.ratios.fullOverFloor, 1.5),
    check('one page changed: rebuild ≤ 5 % of cold', at, largest.ratios.warmOneChangedOverCold, 0.05),
    check('peak RSS of the cold build ≤ 600 MB', at, largest.cold.peakRssMb, 600),
  ];
  const last = scaling.at(-1);
  if (last) {
    const between = `${last.from} → ${last.to} pages`;
    // Less than linear: the memory ratio below the page ratio.
    checks.push(check('peak RSS grows less than linearly (RSS ratio / pages ratio < 1)', between, last.coldPeakRssRatio === null ? null : last.coldPeakRssRatio / last.pagesRatio, 1));
    // "10,000 pages ≤ 11 × the time of 1,000": 1.1 × the page ratio.
    checks.push(check('cold time grows at most 1.1 × as fast as pages (10,000 ≤ 11 × 1,000)', between, last.coldTimeRatio / last.pagesRatio, 1.1));
  }
  return checks;
}
