// Worker threads do not inherit the tsx hooks of the thread that starts them: when the server runs
// from its TypeScript source, the writer thread registers them itself.
import { register } from "tsx/esm/api";

register();
await import("./writer-thread.ts");
