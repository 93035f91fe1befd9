import { workerData, type MessagePort } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/open.js';
import { readDemand, type DemandBlocks, type DemandRequest } from './demand-read.js';

// A thread that reads a part of the network's forecast demand on its own read-only connection and
// answers with the blocks, then raises its signal: the caller waits for it inside a synchronous
// computation (demand-threads.ts).
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on('message', ({ path, request }: { path: string; request: DemandRequest }) => {
  let reply: { blocks: DemandBlocks } | { error: string };
  try {
    // A connection per request, closed at once: an idle thread holds no file open (a restore takes the
    // file exclusively), and a scan of the whole forecast is far larger than any page cache anyway.
    const db = openDatabase(path, { readonly: true });
    try {
      reply = { blocks: readDemand(db, request) };
    } finally {
      closeDatabase(db);
    }
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  const moved = 'blocks' in reply ? [reply.blocks.distributorId, reply.blocks.productId, reply.blocks.demand, reply.blocks.variance] : [];
  port.postMessage(
    reply,
    moved.map((a) => a.buffer as ArrayBuffer),
  );
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
