import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { groupCommit } from "./group-commit";
import { bookingWriter, writeBooking, type Insert } from "./insert";
import type { InsertResult } from "./types";
import type { ThreadError, WriterReply, WriterRequest } from "./writer-thread";

/** Where bookings are written; `submit` resolves once the booking is durably committed. */
export interface Writer {
  submit(insert: Insert): Promise<InsertResult>;
  /** Writes what is queued, then lets go of the connection. */
  close(): Promise<void>;
}

/** Group commit on the caller's own connection: for ":memory:", which no other connection can open. */
export function inProcessWriter(db: Database.Database): Writer {
  const writes = groupCommit(db, bookingWriter(db));
  return {
    submit: (insert) => writeBooking(writes, insert),
    async close() {
      writes.flush();
    },
  };
}

const THREAD_URL = import.meta.url.endsWith(".ts")
  ? new URL("./writer-thread-from-source.mjs", import.meta.url)
  : new URL("./writer-thread.js", import.meta.url);

type Waiting = { resolve: (result: InsertResult) => void; reject: (error: Error) => void };

/**
 * Group commit on a connection of its own in a worker thread (writer-thread.ts). The thread is
 * started at the first write and again after it fails; a write in flight when it fails is
 * reported as failed, though it may have committed: the client's retry with the same key then
 * gets the stored answer.
 */
export function startWriterThread(path: string): Writer {
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let thread: { worker: Worker; closed: Promise<void> } | null = null;

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  const start = () => {
    const worker = new Worker(THREAD_URL, { workerData: { path } });
    // Like an open database, an idle thread does not keep the process alive; a write in flight does.
    worker.unref();
    let done: () => void = () => {};
    const closed = new Promise<void>((resolve) => (done = resolve));
    worker.on("message", (message: WriterReply) => {
      if ("closed" in message) return;
      for (const reply of message.replies) {
        const entry = waiting.get(reply.id);
        waiting.delete(reply.id);
        if ("result" in reply) entry?.resolve(reply.result);
        else entry?.reject(fromThread(reply.error));
      }
      if (waiting.size === 0) worker.unref();
    });
    worker.on("error", (error) => failAll(error));
    worker.on("exit", () => {
      if (thread?.worker === worker) thread = null;
      failAll(new Error("the writer thread stopped"));
      done();
    });
    return { worker, closed };
  };

  return {
    submit(insert) {
      thread ??= start();
      const id = nextId++;
      const { worker } = thread;
      if (waiting.size === 0) worker.ref();
      return new Promise<InsertResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // Sent at once, not gathered per turn: the thread commits the first bookings of a turn
        // while this one is still checking the rest.
        worker.postMessage({ id, insert } satisfies WriterRequest);
      });
    },
    async close() {
      if (!thread) return;
      const { worker, closed } = thread;
      // Held until the thread has closed its connection, or the process could end first.
      worker.ref();
      worker.postMessage({ close: true } satisfies WriterRequest);
      await closed;
    },
  };
}

function fromThread(error: ThreadError): Error {
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}
