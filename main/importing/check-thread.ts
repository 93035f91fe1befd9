import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { errorFromThread } from '../jobs/thread-error.js';
import type { Db } from '../db/open.js';
import { startWorker } from '../jobs/worker-entry.js';
import type { TaskControl } from '../jobs/task.js';
import { ENTITIES } from './entities.js';
import { NeedsGeneralPath, type StreamChoices, type StreamFile, type StreamResult } from './stream-import.js';
import { POSTED, TAKEN, type CheckFailure, type CheckMessage, type CheckRequest } from './check-protocol.js';

/** Below this size a second thread costs more than it saves (about 50,000 rows of history). */
export const OWN_THREAD_FROM_BYTES = 2 * 1024 * 1024;
/** A checking thread that has said nothing for this long is taken as lost, and the import fails whole. */
const SILENCE_MS = 120_000;

/**
 * A bulk CSV read and checked on a second thread while this one writes what was checked: reading,
 * parsing and checking a million history rows took about 2 s of a 9 s import on one thread, and
 * SQLite's share cannot be split. The rows come over in packed batches; the report is the one the
 * single-thread path gives (the same streamRows, on a snapshot of the database as the import found
 * it). This thread waits for batches without returning to the event loop (`Atomics.wait`,
 * `receiveMessageOnPort`), so the caller's transaction stays synchronous, as it is on one thread.
 *
 * Null when it does not run: a small file, an entity without a packed form, a database only this
 * connection sees, or no transaction holding the write lock (the snapshot would not be the import's
 * starting point).
 */
export function checkOnOwnThread(
  db: Db,
  file: StreamFile,
  choices: StreamChoices,
  write: (draft: unknown) => void,
  applyUpdates: boolean,
  control?: TaskControl,
  minBytes = OWN_THREAD_FROM_BYTES,
): StreamResult | null {
  const def = ENTITIES[file.entity];
  if (file.bytes.length < minBytes || !def.pack || !def.unpack || !def.packedWidth || db.memory || !db.inTransaction) return null;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  let worker;
  try {
    worker = startWorker(import.meta.url, './check-worker.ts', './import-check-worker.js', {
      workerData: { port: port2, signal },
      transferList: [port2],
    });
  } catch (error) {
    console.error('The import could not start its checking thread; checking on this one.', error);
    port1.close();
    return null;
  }
  try {
    const request: CheckRequest = { path: db.name, file, choices, applyUpdates };
    port1.postMessage(request);
    const width = def.packedWidth;
    let seen = 0;
    for (;;) {
      const message = next(port1, signal, seen);
      seen = message.seen;
      const reply = message.reply;
      if ('rows' in reply) {
        for (let i = 0; i < reply.count; i++) write(def.unpack(reply.rows, i * width));
        Atomics.add(signal, TAKEN, 1);
        Atomics.notify(signal, TAKEN);
        if (control) {
          control.checkCancelled();
          control.progress(reply.read, 'writing');
        }
      } else if ('done' in reply) return reply.done;
      else throw failure(reply.failed);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function next(port: MessagePort, signal: Int32Array, seen: number): { reply: CheckMessage; seen: number } {
  let silentSince = performance.now();
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) return { reply: received.message as CheckMessage, seen };
    Atomics.wait(signal, POSTED, seen, 1_000);
    const now = Atomics.load(signal, POSTED);
    if (now !== seen) {
      seen = now;
      silentSince = performance.now();
    } else if (performance.now() - silentSince > SILENCE_MS)
      throw new Error('The import’s checking thread stopped answering; nothing was imported.');
  }
}

function failure(failed: CheckFailure): Error {
  if ('needsGeneralPath' in failed) return new NeedsGeneralPath();
  return errorFromThread(failed, 'The import’s checking thread failed');
}
