export { exitCodes, main, type Io } from './lib/main.js';
export { parseCount, parseDuration, parseSize } from './lib/units.js';
export { readCommandLine } from './lib/arguments.js';
