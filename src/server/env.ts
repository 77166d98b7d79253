import { randomToken } from "./secrets";
import type { ServerSettings } from "./server";

export type Env = Record<string, string | undefined>;

// Long enough that nobody picks a guessable word; a generated one is 43 characters.
const MIN_INBOX_TOKEN_LENGTH = 16;

export interface EnvSettings {
  options: Omit<ServerSettings, "log" | "clock" | "staticHandler"> & { configPath: string };
  /** Set when INBOX_TOKEN was missing and one was made up for this run. */
  generatedInboxToken: string | null;
}

/** Reads the receiver's settings from the environment; throws with one line per problem. */
export function readServerEnv(env: Env): EnvSettings {
  const problems: string[] = [];
  const port = Number(env.PORT ?? "8787");
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT: expected a port number, got ${JSON.stringify(env.PORT)}`);
  const postsPerMinute = env.RATE_LIMIT_PER_MINUTE === undefined ? undefined : Number(env.RATE_LIMIT_PER_MINUTE);
  if (postsPerMinute !== undefined && !(Number.isInteger(postsPerMinute) && postsPerMinute > 0)) {
    problems.push(`RATE_LIMIT_PER_MINUTE: expected a positive whole number, got ${JSON.stringify(env.RATE_LIMIT_PER_MINUTE)}`);
  }
  const retentionDays = env.IDEMPOTENCY_RETENTION_DAYS === undefined ? undefined : Number(env.IDEMPOTENCY_RETENTION_DAYS);
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays > 0)) {
    problems.push(`IDEMPOTENCY_RETENTION_DAYS: expected a positive whole number of days, got ${JSON.stringify(env.IDEMPOTENCY_RETENTION_DAYS)}`);
  }
  const given = nonEmpty(env.INBOX_TOKEN);
  if (given !== undefined && given.length < MIN_INBOX_TOKEN_LENGTH) {
    problems.push(`INBOX_TOKEN: expected at least ${MIN_INBOX_TOKEN_LENGTH} characters`);
  }
  const publicUrl = nonEmpty(env.PUBLIC_URL);
  if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl)) {
    problems.push(`PUBLIC_URL: expected an http(s) URL such as "https://book.example.com", got ${JSON.stringify(publicUrl)}`);
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));

  const generatedInboxToken = given === undefined ? randomToken() : null;
  return {
    generatedInboxToken,
    options: {
      configPath: nonEmpty(env.CLINIC_CONFIG) ?? "demo/clinic.json",
      databasePath: nonEmpty(env.DATABASE_PATH) ?? "data/bookings.sqlite",
      port,
      host: nonEmpty(env.HOST) ?? "127.0.0.1",
      inboxToken: given ?? generatedInboxToken ?? "",
      outboxDir: nonEmpty(env.OUTBOX_DIR) ?? "data/outbox",
      smtpUrl: nonEmpty(env.SMTP_URL),
      mailFrom: nonEmpty(env.MAIL_FROM),
      publicUrl,
      staticDir: nonEmpty(env.STATIC_DIR),
      postsPerMinute,
      trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
      ...(retentionDays === undefined ? {} : { idempotencyRetentionDays: retentionDays }),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
