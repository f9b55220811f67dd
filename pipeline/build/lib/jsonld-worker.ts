/** A worker thread that converts one JSON-LD file of a folder to RDF (verifyJsonLdFile), for verifyJsonLdInWorker. */
import { parentPort, workerData } from 'node:worker_threads';
import { folderReader, verifyJsonLdFile } from '../../validate/index.js';

const { folder, path, known } = workerData as { folder: string; path: string; known: string[] };
const passed: string[] = [];
const problems = await verifyJsonLdFile(path, folderReader(folder, [path]), { known: new Set(known), passed: (hash) => passed.push(hash) });
parentPort?.postMessage({ problems, passed });
