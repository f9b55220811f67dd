export { release, releaseName, type ReleaseFiles, type ReleaseOptions, type ReleaseResult } from './lib/release.js';
export { archiveTime, createArchive, directoryMode, fileMode, gzip, readArchive, type ArchiveEntry, type ArchiveOptions } from './lib/archive.js';
export { bump, bumpReasons, checkVersion, expectedVersion, type Bump, type BumpReason } from './lib/bump.js';
export {
  changelog,
  type Changelog,
  type ChangelogLabels,
  type FieldRename,
  type FieldRetype,
  type PackageSummary,
  type RecordChange,
  type ResourceSummary,
  type TableChangelog,
  type ValueChange,
} from './lib/changelog.js';
export { ReleaseError } from './lib/errors.js';
export { byPath, isSafeRelativePath, listFiles, sha256 } from './lib/files.js';
export { releaseNote, shownChanges, shownRecords, shownValueLength, type NoteInput } from './lib/note.js';
export { checksumsPath, descriptorPath, isSemVer, readPackage, type DataPackage, type Field, type Resource, type TableSchema } from './lib/package.js';
export { previousRelease, previousReleaseTag, type PreviousOptions, type PreviousRelease } from './lib/previous.js';
export { checkDataset, parseChecksums, verifyDataset } from './lib/verify.js';
