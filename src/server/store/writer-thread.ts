/**
 * The writer thread: owns the connection that writes bookings, so that a COMMIT waiting for the
 * disk blocks this thread and not the one answering HTTP requests (which meanwhile checks the next
 * requests). Started by `startWriterThread` with `workerData: { path }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openConnection } from "./connection";
import { groupCommit } from "./group-commit";
import { bookingWriter, SlotTaken, type Insert } from "./insert";
import type { InsertResult } from "./types";

export type WriterRequest = { id: number; insert: Insert } | { close: true };

export interface ThreadError {
  name: string;
  code: string | undefined;
  message: string;
}

export type WriterReply =
  | { id: number; result: InsertResult }
  | { id: number; error: ThreadError }
  | { closed: true };

const port = parentPort;
if (!port) throw new Error("writer-thread runs as a worker thread");
const { path } = workerData as { path: string };

const db = openConnection(path);
const writes = groupCommit(db, bookingWriter(db));
const replies = new Set<Promise<void>>();

const answer = async (id: number, insert: Insert): Promise<void> => {
  let reply: WriterReply;
  try {
    reply = { id, result: await writes.submit(insert) };
  } catch (error) {
    reply = error instanceof SlotTaken ? { id, result: { kind: "slot-taken", index: error.index } } : { id, error: threadError(error) };
  }
  port.postMessage(reply);
};

port.on("message", (message: WriterRequest) => {
  if ("close" in message) {
    writes.flush();
    void Promise.all(replies).then(() => {
      db.close();
      port.postMessage({ closed: true } satisfies WriterReply);
      port.close();
    });
    return;
  }
  const reply = answer(message.id, message.insert);
  replies.add(reply);
  void reply.finally(() => replies.delete(reply));
});

function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: "Error", code: undefined, message: String(error) };
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  return { name: error.name, code, message: error.message };
}
