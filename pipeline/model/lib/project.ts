import { fileURLToPath } from 'node:url';

/** The project's root folder: the pipeline's code, its schemas and the locked dependencies are under it. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
