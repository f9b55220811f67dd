/** A worker thread that converts one JSON-LD file of a folder to RDF (verifyJsonLdFile), for verifyJsonLdInWorker. */
import { parentPort, workerData } from 'node:worker_threads';
import { folderReader, verifyJsonLdFile } from '../../validate/index.js';

const { folder, path, known, share } = workerData as { folder: string; path: string; known: string[]; share?: { index: number; count: number } };
const passed: string[] = [];
const problems = await verifyJsonLdFile(path, folderReader(folder, [path]), { known: new Set(known), passed: (hash) => passed.push(hash), ...(share ? { share } : {}) });
parentPort?.postMessage({ problems, passed });
