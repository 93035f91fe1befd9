import { workerData, type MessagePort } from 'node:worker_threads';
import { errorForThread } from '../jobs/thread-error.js';
import { closeDatabase, openDatabase } from '../db/open.js';
import { ENTITIES } from './entities.js';
import { NeedsGeneralPath, streamRows, type StreamChoices, type StreamFile } from './stream-import.js';
import { BATCH_ROWS, MAX_BATCHES_AHEAD, POSTED, TAKEN, type CheckMessage, type CheckRequest } from './check-protocol.js';

// A thread that reads and checks a bulk CSV while the thread that owns the import writes the rows it
// already checked (check-thread.ts). It reads the database on a read-only connection of its own,
// in one read transaction: the writer holds the write lock throughout, so that snapshot is the
// database as the import found it, which is what the checks on a single thread see too.
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function send(message: CheckMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(signal, POSTED, 1);
  Atomics.notify(signal, POSTED);
}

port.once('message', ({ path, file, choices, applyUpdates }: CheckRequest) => {
  let db: ReturnType<typeof openDatabase> | null = null;
  try {
    db = openDatabase(path, { readonly: true });
    db.exec('BEGIN');
    const def = ENTITIES[file.entity];
    const width = def.packedWidth!;
    let read = 0;
    let batches = 0;
    let rows = new Float64Array(BATCH_ROWS * width);
    let count = 0;
    const flush = () => {
      send({ rows, count, read }, [rows.buffer as ArrayBuffer]);
      batches++;
      rows = new Float64Array(BATCH_ROWS * width);
      count = 0;
      // Never far ahead of the writer: the rows waiting between the two threads stay bounded.
      while (batches - Atomics.load(signal, TAKEN) > MAX_BATCHES_AHEAD) Atomics.wait(signal, TAKEN, Atomics.load(signal, TAKEN), 1_000);
    };
    const control = { progress: (fraction: number) => void (read = fraction), checkCancelled: () => {} };
    const result = streamRows(
      db,
      file as StreamFile,
      choices as StreamChoices,
      (draft) => {
        def.pack!(draft, rows, count * width);
        if (++count === BATCH_ROWS) flush();
      },
      applyUpdates,
      control,
    );
    // The file is read: end the snapshot now, before the writer hears it may commit, so the checkpoint
    // that follows its commit is not held back by a read this thread no longer needs.
    db.exec('COMMIT');
    if (count > 0) flush();
    send({ done: result });
  } catch (error) {
    send({
      failed: error instanceof NeedsGeneralPath ? { needsGeneralPath: true } : errorForThread(error),
    });
  } finally {
    if (db) closeDatabase(db);
  }
});
