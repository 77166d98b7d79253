/**
 * `npm run bench`: the slot search, then the paint and receiver benchmarks. Each prints its own
 * figures; ratios are against baselines measured in the same run. `npm run bench -- paint` (or
 * `slots`, `receiver`, several at once) runs only those parts.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { printPaint, runPaintBench } from "./paint.bench";
import { printReceiver, runReceiverBench } from "./receiver.bench";

const HERE = dirname(fileURLToPath(import.meta.url));
const PARTS = ["slots", "paint", "receiver"] as const;
type Part = (typeof PARTS)[number];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !PARTS.some((part) => part === name));
if (unknown.length > 0) {
  console.error(`unknown bench part ${unknown.join(", ")}; expected ${PARTS.join(", ")}`);
  process.exit(2);
}
const runs = (part: Part) => asked.length === 0 || asked.includes(part);

if (runs("slots")) {
  console.log("== slots ==");
  // The slot bench runs on import; a separate process keeps its timings free of the others' work.
  const slots = spawnSync(process.execPath, ["--import", "tsx", join(HERE, "slots.bench.ts")], { stdio: "inherit" });
  if (slots.status !== 0) process.exit(slots.status ?? 1);
}

if (runs("paint")) {
  console.log("\n== paint ==");
  printPaint(await runPaintBench());
}

if (runs("receiver")) {
  console.log("\n== receiver ==");
  const receiver = await runReceiverBench();
  printReceiver(receiver);
  if (receiver.overlaps > 0 || receiver.contended.created !== 20) process.exitCode = 1;
}
