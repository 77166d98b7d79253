import type Database from "better-sqlite3";

export interface GroupCommit<I, O> {
  /** Resolves (or rejects) only once the transaction that wrote `item` has committed or rolled back. */
  submit(item: I): Promise<O>;
  /** Writes whatever is queued now, without waiting for the next turn (before the database closes). */
  flush(): void;
}

type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Group commit. With `synchronous = FULL` every COMMIT waits for the disk, and that wait, not the
 * writing, is what limits a write per request. Items submitted during one turn of the event loop
 * are written in a single IMMEDIATE transaction, each inside its own savepoint so that one item
 * failing (a taken slot, a broken constraint) is undone alone and its neighbours still commit.
 * Nobody learns an outcome before the shared COMMIT has returned, so an answer based on it is
 * never ahead of the disk.
 */
export function groupCommit<I, O>(db: Database.Database, writeOne: (item: I) => O): GroupCommit<I, O> {
  let queue: Pending<I, O>[] = [];
  let scheduled: NodeJS.Immediate | null = null;

  // Called inside the batch's transaction, better-sqlite3 runs this as a savepoint and rolls it back on a throw.
  const inSavepoint = db.transaction(writeOne);
  const writeAll = db.transaction((batch: Pending<I, O>[]): Outcome<O>[] =>
    batch.map(({ item }) => {
      try {
        return { ok: true, value: inSavepoint(item) };
      } catch (error) {
        // Some errors (disk full, I/O) make SQLite roll back the whole transaction; what the
        // earlier savepoints wrote is gone, so the whole batch has failed.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome<O>[];
    try {
      // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
      outcomes = writeAll.immediate(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const pending = batch[i] as Pending<I, O>;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // setImmediate runs after the poll phase: every request read in this turn joins the batch.
        scheduled ??= setImmediate(flush);
      });
    },
    flush,
  };
}
