import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Point, Position } from 'unist';

/** The `source` of every message this pipeline reports (unified's convention). */
export const messageSource = 'open-data-pipeline';

/** Records an error on `file`: the build goes on collecting problems but will not write anything. */
export function reportError(file: VFile, reason: string, place: Point | Position | undefined, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: messageSource });
  message.fatal = true;
}

/** Records a warning on `file`: worth a look by the publisher, but the data stays right. */
export function reportWarning(file: VFile, reason: string, place: Point | Position | undefined, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: messageSource });
  message.fatal = false;
}

/** A file that is only the carrier of one error about it (a folder, an unreadable or refused file). */
export function fileWithError(path: string, reason: string, ruleId: string): VFile {
  const file = new VFile({ path });
  reportError(file, reason, undefined, ruleId);
  return file;
}

/** The point of a UTF-16 offset in the file's text; none for a negative offset (a search that found nothing). */
export function pointAt(file: VFile, offset: number): Point | undefined {
  return offset >= 0 ? location(file).toPoint(offset) : undefined;
}

/** Whether any file carries an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
