import { pathToFileURL } from "node:url";
import { ConfigError } from "./config-file";
import { readServerEnv, type Env, type EnvSettings } from "./env";
import { jsonLinesLogger } from "./log";
import { startServer, type RunningServer } from "./server";

export { createApp, type AppDeps } from "./app";
export { startServer, type Bound, type ConfigSource, type RunningServer, type ServerOptions, type ServerSettings } from "./server";
export { ConfigError } from "./config-file";

/** `npm run serve`: settings from the environment, exit code 1 when they or the config are wrong. */
export async function main(env: Env = process.env): Promise<void> {
  let settings: EnvSettings;
  try {
    settings = readServerEnv(env);
  } catch (error) {
    process.stderr.write(`Invalid environment:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const { options, generatedInboxToken } = settings;

  let server: RunningServer;
  try {
    server = await startServer({ ...options, log: jsonLinesLogger });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Invalid clinic config ${options.configPath}:\n${error.message}\n`);
    process.exit(1);
  }

  if (generatedInboxToken) {
    // Printed once, here only: it is never logged again, and it changes at every start.
    process.stdout.write(`INBOX_TOKEN was not set; this run's inbox token is: ${generatedInboxToken}\n`);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  jsonLinesLogger({ event: "listening", url: server.url });
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) void main();
