export { build, type BuildResult } from './lib/build.js';
export type { DatasetCounts } from './lib/reuse.js';
export { datasetConfigFile, defaultBaseIri, type BuildOptions } from './lib/options.js';
export { checkReplaceable, recoverInterruptedWrite, writeAtomically } from './lib/write.js';
export { defaultLimits, limitOptions, type Limits } from './lib/options.js';
