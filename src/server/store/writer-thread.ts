/**
 * The writer thread: owns the connection that writes bookings, so that a COMMIT waiting for the
 * disk blocks this thread and not the one answering HTTP requests (which meanwhile checks the next
 * requests). Started by `startWriterThread` with `workerData: { path }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openConnection } from "./connection";
import { groupCommit } from "./group-commit";
import { bookingWriter, writeBooking, type Insert } from "./insert";
import type { InsertResult } from "./types";

export type WriterRequest = { id: number; insert: Insert } | { close: true };

export interface ThreadError {
  name: string;
  code: string | undefined;
  message: string;
}

export type Reply = { id: number; result: InsertResult } | { id: number; error: ThreadError };

export type WriterReply = { replies: Reply[] } | { closed: true };

const port = parentPort;
if (!port) throw new Error("writer-thread runs as a worker thread");
const { path } = workerData as { path: string };

const db = openConnection(path);
const writes = groupCommit(db, bookingWriter(db));
const replies = new Set<Promise<void>>();

// A batch's outcomes are all known once its COMMIT returns: they go back in one message.
let outbox: Reply[] = [];
let sending: NodeJS.Immediate | null = null;
const send = () => {
  sending = null;
  const batch = outbox;
  outbox = [];
  if (batch.length > 0) port.postMessage({ replies: batch } satisfies WriterReply);
};

const answer = async (id: number, insert: Insert): Promise<void> => {
  let reply: Reply;
  try {
    reply = { id, result: await writeBooking(writes, insert) };
  } catch (error) {
    reply = { id, error: threadError(error) };
  }
  outbox.push(reply);
  sending ??= setImmediate(send);
};

port.on("message", (message: WriterRequest) => {
  if ("close" in message) {
    writes.flush();
    void Promise.all(replies).then(() => {
      if (sending) clearImmediate(sending);
      send();
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
