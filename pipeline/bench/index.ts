export { changePage, corpusPools, generateCorpus, poolSizes, writeCorpus, type Agency, type CorpusOptions, type CorpusPage, type Person, type Pools } from './lib/corpus.js';
export { parseFloor, type FloorResult } from './lib/floor.js';
export { machine, revision, type Machine, type Revision } from './lib/machine.js';
export { measure, measureMethod, outputTail, parseTimeReport, type Measurement, type MeasureMethod, type MeasureOptions } from './lib/measure.js';
export { mixSeed, mulberry32, Random } from './lib/random.js';
export { formatReport } from './lib/report.js';
export { projectRoot } from '../model/lib/project.js';
export { BenchError, buildCommand, cacheVariable, medianRun, oneChangedRebuilds, pagesToChange, runBench, scaling, type BenchOptions, type BenchResult, type Failure, type Phase, type Scaling, type SizeResult } from './lib/run.js';
export { checkTargets, targetPages, type TargetCheck } from './lib/targets.js';
