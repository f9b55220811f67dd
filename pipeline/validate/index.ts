export { validateFrontMatter } from './lib/front-matter.js';
export { validateRecords } from './lib/records.js';
export { readYaml } from './lib/yaml.js';
export { describeError, validatorFor } from './lib/validators.js';
export { customFormats, isLanguageTag, isReducedDate, isReducedDateOrInterval, isSpdxLicense } from './lib/formats.js';
export { verifyPackage, type FileFingerprint, type PackageCheckOptions, type PackageProblem } from './lib/package.js';
export { verifyOutputs } from './lib/outputs.js';
export { verifyJsonLdFile, type ConvertedParts } from './lib/rdf.js';
export { folderReader, linesOf, memoryReader, type KnownRows, type OutputReader } from './lib/reader.js';
