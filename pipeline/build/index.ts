export { build, type BuildResult } from './lib/build.js';
export { datasetConfigFile, defaultBaseIri, type BuildOptions } from './lib/options.js';
export { writeAtomically } from './lib/write.js';
