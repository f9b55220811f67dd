/** A worker thread that converts one JSON-LD file of a folder to RDF (verifyJsonLdFile), for verifyInWorker. */
import { parentPort, workerData } from 'node:worker_threads';
import { folderReader, verifyJsonLdFile } from '../../validate/index.js';

const { folder, path } = workerData as { folder: string; path: string };
parentPort?.postMessage(await verifyJsonLdFile(path, folderReader(folder, [path])));
