import type { VFile } from 'vfile';
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

/** Whether any file carries an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
