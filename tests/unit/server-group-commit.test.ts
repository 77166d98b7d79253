import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupCommit } from "../../src/server/store/group-commit";

let dir: string;
let db: Database.Database;
let observer: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "group-commit-"));
  db = new Database(join(dir, "db.sqlite"));
  db.pragma("journal_mode = WAL");
  db.exec(`
    CREATE TABLE parent (id TEXT PRIMARY KEY);
    CREATE TABLE item (value TEXT PRIMARY KEY, parent_id TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
    INSERT INTO parent VALUES ('p');
  `);
  db.pragma("foreign_keys = ON");
  // A second connection sees only what has been committed.
  observer = new Database(join(dir, "db.sqlite"), { readonly: true });
});
afterEach(() => {
  observer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = () => (observer.prepare(`SELECT value FROM item ORDER BY value`).all() as { value: string }[]).map((r) => r.value);

describe("group commit", () => {
  it("writes the items of one turn in one transaction, and settles none before its COMMIT", async () => {
    const events: string[] = [];
    const insert = db.prepare(`INSERT INTO item (value, parent_id) VALUES (?, 'p')`);
    const writes = groupCommit(db, (value: string) => {
      insert.run(value);
      events.push(`wrote ${value}, committed so far: [${committed().join(",")}]`);
      return value.toUpperCase();
    });
    const answers = ["a", "b", "c"].map((v) => writes.submit(v).then((answer) => void events.push(`answered ${answer}`)));
    await Promise.all(answers);
    expect(events).toEqual([
      "wrote a, committed so far: []",
      "wrote b, committed so far: []",
      "wrote c, committed so far: []",
      "answered A",
      "answered B",
      "answered C",
    ]);
    expect(committed()).toEqual(["a", "b", "c"]);
  });

  it("undoes a failing item alone: its neighbours still commit", async () => {
    const insert = db.prepare(`INSERT INTO item (value, parent_id) VALUES (?, 'p')`);
    const writes = groupCommit(db, (value: string) => {
      insert.run(`${value}-first`);
      insert.run(value);
      return value;
    });
    db.prepare(`INSERT INTO item VALUES ('taken', 'p')`).run();
    const results = await Promise.allSettled(["a", "taken", "c"].map((v) => writes.submit(v)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    // "taken-first" was written before the failure and undone with it.
    expect(committed()).toEqual(["a", "a-first", "c", "c-first", "taken"]);
  });

  it("fails every item of a batch whose COMMIT fails, and keeps none of them", async () => {
    const insert = db.prepare(`INSERT INTO item (value, parent_id) VALUES (?, ?)`);
    const writes = groupCommit(db, ([value, parent]: [string, string]) => insert.run(value, parent).changes);
    // The deferred foreign key is only checked at COMMIT, after every savepoint was released.
    const results = await Promise.allSettled([writes.submit(["a", "p"]), writes.submit(["orphan", "nobody"]), writes.submit(["c", "p"])]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(committed()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    expect(await writes.submit(["d", "p"])).toBe(1);
    expect(committed()).toEqual(["d"]);
  });

  it("writes what is queued at once when flushed", () => {
    const insert = db.prepare(`INSERT INTO item (value, parent_id) VALUES (?, 'p')`);
    const writes = groupCommit(db, (value: string) => insert.run(value).changes);
    void writes.submit("a");
    void writes.submit("b");
    writes.flush();
    expect(committed()).toEqual(["a", "b"]);
  });
});
