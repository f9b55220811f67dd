/** A worker thread that converts one JSON-LD file of a folder to RDF (verifyJsonLdFile), for verifyJsonLdInWorker. */
import { parentPort, workerData } from 'node:worker_threads';
import { folderReader, verifyJsonLdFile, type KnownRows } from '../../validate/index.js';

const { folder, path, known, knownLines, share } = workerData as { folder: string; path: string; known: string[]; knownLines: KnownRows[]; share?: { index: number; count: number } };
const passed: string[] = [];
const problems = await verifyJsonLdFile(path, folderReader(folder, [path]), { known: new Set(known), knownLines, passed: (hash) => passed.push(hash), ...(share ? { share } : {}) });
parentPort?.postMessage({ problems, passed });
