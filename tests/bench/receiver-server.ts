/**
 * The receiver of the load bench, in a process of its own so that the load generator's work is not
 * counted as the server's (on a 2-core machine they still share the CPUs).
 *
 * `startBenchServer` forks this file (`node --import tsx`) with an IPC channel. The child sends
 * `{ port }` once listening, answers "cpu" with `{ cpuMs }` (its user + system time since it
 * started listening) and, on "stop", closes the server and the database, sends the same and exits.
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/server/app";
import { loadClinicConfig } from "../../src/server/config-file";
import { listen, stopListening } from "../../src/server/listen";
import { silentLogger } from "../../src/server/log";
import { openSqliteStore } from "../../src/server/store/sqlite";

type ServerMessage = { port: number } | { cpuMs: number };

export interface BenchServer {
  url: string;
  /** The server process's CPU milliseconds so far. */
  cpuMs(): Promise<number>;
  /** Resolves once the server has closed the database and exited. */
  stop(): Promise<void>;
}

/** `profileDir`: where the server process writes a CPU profile (`--cpu-prof`). */
export async function startBenchServer(configPath: string, databasePath: string, now: string, profileDir?: string): Promise<BenchServer> {
  const child = fork(fileURLToPath(import.meta.url), [configPath, databasePath, now], {
    execArgv: ["--import", "tsx", ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const next = () =>
    new Promise<ServerMessage>((done, fail) => {
      child.once("message", (message) => done(message as ServerMessage));
      void exited.then(() => fail(new Error(`the bench server exited (${String(child.exitCode)})`)));
    });
  const ready = await next();
  if (!("port" in ready)) throw new Error("the bench server did not report its port");
  const ask = async (message: "cpu" | "stop") => {
    const answer = next();
    child.send(message);
    const reply = await answer;
    return "cpuMs" in reply ? reply.cpuMs : Number.NaN;
  };
  return {
    url: `http://127.0.0.1:${String(ready.port)}/api/bookings`,
    cpuMs: () => ask("cpu"),
    async stop() {
      if (child.exitCode === null) await ask("stop");
      await exited;
    },
  };
}

async function serve(configPath: string, databasePath: string, now: string): Promise<void> {
  const send = (message: ServerMessage) => process.send?.(message);
  const config = await loadClinicConfig(configPath);
  const store = openSqliteStore(databasePath);
  const app = createApp({
    config,
    store,
    inboxToken: randomUUID(),
    clock: () => now,
    log: silentLogger,
    // Mail is queued after the answer and sent elsewhere; the bench measures the booking path only.
    notifier: { bookingCreated: () => {}, bookingChanged: () => {}, sendReminder: async () => {}, idle: async () => {} },
    postsPerMinute: 100_000_000,
  });
  const server = await listen(0, "127.0.0.1", (request, env) => app.fetch(request, env));
  const cpuAtStart = process.cpuUsage();
  const cpuMs = () => {
    const cpu = process.cpuUsage(cpuAtStart);
    return (cpu.user + cpu.system) / 1000;
  };
  send({ port: (server.address() as AddressInfo).port });
  process.on("message", (message) => {
    if (message === "cpu") send({ cpuMs: cpuMs() });
    if (message !== "stop") return;
    void (async () => {
      await stopListening(server);
      await store.close();
      send({ cpuMs: cpuMs() });
      process.disconnect();
    })();
  });
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  const [configPath, databasePath, now] = process.argv.slice(2);
  if (!configPath || !databasePath || !now || !process.send) throw new Error("usage (forked, with IPC): receiver-server.ts <config.json> <bookings.sqlite> <now>");
  await serve(configPath, databasePath, now);
}
