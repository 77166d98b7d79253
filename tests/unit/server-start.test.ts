import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileConfig, type ClinicConfig } from "../../src/core/config";
import { ConfigError } from "../../src/server/config-file";
import { readServerEnv } from "../../src/server/env";
import type { LogEntry } from "../../src/server/log";
import { startServer, type ServerOptions, type ServerSettings } from "../../src/server/server";
import { serverConfig, serverConfigInput } from "./fixtures/server-config";
import { INBOX_TOKEN, serverSettings } from "./fixtures/server-harness";

const EXPECTED_LINES = [
  'currency: expected an ISO 4217 currency code such as "CAD", got "XYZ"',
  "services[0].durations[0].price: expected a whole number of cents, got 60.5",
  'submit.allowedOrigins[0]: expected an origin such as "https://www.example.com" (no path or trailing slash), got "https://harbour.example/"; did you mean "https://harbour.example"?',
];

function invalidConfig() {
  const config = structuredClone(serverConfigInput);
  config.currency = "XYZ";
  config.submit.allowedOrigins = ["https://harbour.example/"];
  const service = config.services[0];
  const duration = service?.durations[0];
  if (duration) duration.price = 60.5;
  return config;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "receiver-start-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function settings(extra: Partial<ServerSettings> = {}): ServerSettings {
  return serverSettings(dir, { databasePath: join(dir, "data", "bookings.sqlite"), ...extra });
}

function options(configPath: string, extra: Partial<ServerSettings> = {}): ServerOptions {
  return { configPath, ...settings(extra) };
}

describe("startServer", () => {
  it("refuses an invalid config with exactly the config's errors, before touching the database", async () => {
    const configPath = join(dir, "clinic.json");
    writeFileSync(configPath, JSON.stringify(invalidConfig()));
    const started = startServer(options(configPath));
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(EXPECTED_LINES.join("\n"));
    const message = await started.then(
      () => "",
      (error: unknown) => (error instanceof Error ? error.message : ""),
    );
    expect(message.split("\n")).toEqual(EXPECTED_LINES);
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("starts with a key the config schema does not know, logging one warning with its name and path, and serves the config without it", async () => {
    const configPath = join(dir, "clinic.json");
    const config = structuredClone(serverConfigInput) as unknown as { services: Record<string, unknown>[] };
    const service = config.services[0];
    if (service) service.colour = "zq7-value-never-logged";
    writeFileSync(configPath, JSON.stringify(config));
    const logs: LogEntry[] = [];
    const server = await startServer(options(configPath, { log: (entry) => void logs.push(entry) }));
    try {
      expect(logs).toEqual([{ event: "config-unknown-key", key: "colour", path: "services[0].colour" }]);
      expect(JSON.stringify(logs)).not.toContain("zq7");
      const served = await (await fetch(`${server.url}/api/config`)).text();
      expect(served).toContain("Harbour Massage Therapy");
      expect(served).not.toContain("colour");
      expect(served).not.toContain("zq7");
    } finally {
      await server.close();
    }
  });

  it("refuses a missing file and broken JSON", async () => {
    await expect(startServer(options(join(dir, "missing.json")))).rejects.toThrow(/cannot read .*missing\.json \(ENOENT\)/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    await expect(startServer(options(broken))).rejects.toThrow(/broken\.json is not valid JSON/);
  });
});

describe("startServer with a parsed config", () => {
  it("points a config made from the bound address at this server and hands it to the static handler", async () => {
    let served: ClinicConfig | null = null;
    const server = await startServer({
      ...settings(),
      config: ({ url }) => compileConfig({ ...serverConfig(), submit: { ...serverConfig().submit, endpoint: `${url}/api/bookings` } }),
      staticHandler: (config) => {
        served = config;
        return async (c, next) => (c.req.path === "/endpoint" ? c.text(config.submit.endpoint) : next());
      },
    });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(served).toBe(server.config);
      expect(await (await fetch(`${server.url}/endpoint`)).text()).toBe(`${server.url}/api/bookings`);
      const config = (await (await fetch(`${server.url}/api/config`)).json()) as { submit: { endpoint: string } };
      expect(config.submit.endpoint).toBe(`${server.url}/api/bookings`);
    } finally {
      await server.close();
    }
    // A second close is answered by the first.
    await server.close();
  });

  it("frees the port when the receiver cannot be built on it", async () => {
    const first = await startServer({ ...settings(), config: serverConfig() });
    const { port } = first;
    await first.close();

    const broken = startServer({ ...settings({ port, inboxToken: "" }), config: serverConfig() });
    await expect(broken).rejects.toThrow(/inbox token/);
    const again = await startServer({ ...settings({ port }), config: serverConfig() });
    expect(again.port).toBe(port);
    await again.close();
  });
});

describe("npm run serve", () => {
  function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        env: { PATH: process.env.PATH ?? "", ...env },
        cwd: process.cwd(),
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        // Started: stop it, the test has what it needs.
        if (stdout.includes('"event":"listening"')) child.kill("SIGTERM");
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("exits with code 1 and prints the exact errors of an invalid config", async () => {
    const configPath = join(dir, "clinic.json");
    writeFileSync(configPath, JSON.stringify(invalidConfig()));
    const result = await run({ CLINIC_CONFIG: configPath, DATABASE_PATH: join(dir, "db.sqlite"), PORT: "0", INBOX_TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Invalid clinic config ${configPath}:\n${EXPECTED_LINES.join("\n")}\n`);
  }, 30_000);

  it("prints a generated inbox token once when none is set", async () => {
    const configPath = join(dir, "clinic.json");
    writeFileSync(configPath, JSON.stringify(serverConfigInput));
    const result = await run({ CLINIC_CONFIG: configPath, DATABASE_PATH: join(dir, "db.sqlite"), OUTBOX_DIR: join(dir, "outbox"), PORT: "0" });
    const tokens = result.stdout.match(/inbox token is: ([A-Za-z0-9_-]{43})/g) ?? [];
    expect(tokens).toHaveLength(1);
    expect(result.code).toBe(0);
  }, 30_000);
});

describe("readServerEnv", () => {
  it("fills in the documented defaults", () => {
    const { options: read, generatedInboxToken } = readServerEnv({});
    expect(read).toMatchObject({
      configPath: "demo/clinic.json",
      databasePath: "data/bookings.sqlite",
      port: 8787,
      host: "127.0.0.1",
      outboxDir: "data/outbox",
      smtpUrl: undefined,
      staticDir: undefined,
      trustProxy: false,
    });
    expect(generatedInboxToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(read.inboxToken).toBe(generatedInboxToken);
  });

  it("reads every variable", () => {
    const { options: read, generatedInboxToken } = readServerEnv({
      CLINIC_CONFIG: "clinic.json",
      DATABASE_PATH: "/var/lib/clinic/bookings.sqlite",
      PORT: "9000",
      HOST: "0.0.0.0",
      INBOX_TOKEN,
      SMTP_URL: "smtps://user:pass@mail.example:465",
      MAIL_FROM: "bookings@harbour.example",
      OUTBOX_DIR: "/tmp/outbox",
      PUBLIC_URL: "https://book.harbour.example",
      STATIC_DIR: "dist",
      RATE_LIMIT_PER_MINUTE: "600",
      TRUST_PROXY: "1",
      IDEMPOTENCY_RETENTION_DAYS: "45",
    });
    expect(generatedInboxToken).toBeNull();
    expect(read).toEqual({
      configPath: "clinic.json",
      databasePath: "/var/lib/clinic/bookings.sqlite",
      port: 9000,
      host: "0.0.0.0",
      inboxToken: INBOX_TOKEN,
      smtpUrl: "smtps://user:pass@mail.example:465",
      mailFrom: "bookings@harbour.example",
      outboxDir: "/tmp/outbox",
      publicUrl: "https://book.harbour.example",
      staticDir: "dist",
      postsPerMinute: 600,
      trustProxy: true,
      idempotencyRetentionDays: 45,
    });
  });

  it("rejects unusable values, one line each", () => {
    expect(() =>
      readServerEnv({ PORT: "http", INBOX_TOKEN: "short", RATE_LIMIT_PER_MINUTE: "0", PUBLIC_URL: "book.example", IDEMPOTENCY_RETENTION_DAYS: "1.5" }),
    ).toThrow(
      [
        'PORT: expected a port number, got "http"',
        'RATE_LIMIT_PER_MINUTE: expected a positive whole number, got "0"',
        'IDEMPOTENCY_RETENTION_DAYS: expected a positive whole number of days, got "1.5"',
        "INBOX_TOKEN: expected at least 16 characters",
        'PUBLIC_URL: expected an http(s) URL such as "https://book.example.com", got "book.example"',
      ].join("\n"),
    );
  });
});
