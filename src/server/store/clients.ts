import type Database from "better-sqlite3";
import type { ClientCode, ClientHistory, Store } from "./types";

interface CodeRow {
  email_hash: string;
  code_hash: string;
  expires_at: string;
  tries_left: number;
  created_at: string;
}

type ClientMethods = Pick<
  Store,
  "saveClientCode" | "findClientCode" | "useClientCode" | "spendClientCodeTry" | "saveClientToken" | "findClientToken" | "clientHistory"
>;

/** The returning-client tables (migration 6): codes, tokens, and what the bookings say of an email. */
export function clientStore(db: Database.Database): ClientMethods {
  const sql = {
    dropExpiredCodes: db.prepare(`DELETE FROM client_codes WHERE expires_at <= ?`),
    saveCode: db.prepare(
      `INSERT INTO client_codes (email_hash, code_hash, expires_at, tries_left, created_at)
       VALUES (@emailHash, @codeHash, @expiresAt, @triesLeft, @createdAt)
       ON CONFLICT (email_hash) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at,
         tries_left = excluded.tries_left, created_at = excluded.created_at`,
    ),
    findCode: db.prepare(`SELECT * FROM client_codes WHERE email_hash = ?`),
    useCode: db.prepare(`DELETE FROM client_codes WHERE email_hash = ? AND code_hash = ?`),
    spendTry: db.prepare(`UPDATE client_codes SET tries_left = tries_left - 1 WHERE email_hash = ? AND tries_left > 1`),
    burnCode: db.prepare(`DELETE FROM client_codes WHERE email_hash = ? AND tries_left <= 1`),
    dropExpiredTokens: db.prepare(`DELETE FROM client_tokens WHERE expires_at <= ?`),
    saveToken: db.prepare(`INSERT INTO client_tokens (token_hash, email_norm, expires_at) VALUES (@tokenHash, @emailNorm, @expiresAt)`),
    findToken: db.prepare(`SELECT email_norm FROM client_tokens WHERE token_hash = ? AND expires_at > ?`),
    // A call-back request is no visit: it leaves a client new.
    count: db.prepare(`SELECT COUNT(*) AS n FROM bookings WHERE client_email_norm = ? AND kind = 'booking'`),
    latest: db.prepare(
      `SELECT client_name, client_phone FROM bookings WHERE client_email_norm = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
    lastFull: db.prepare(
      `SELECT MAX(b.created_at) AS at FROM bookings b JOIN intakes i ON i.booking_id = b.id
       WHERE b.client_email_norm = ? AND i.mode = 'full'`,
    ),
  };
  const spendTry = db.transaction((emailHash: string) => {
    if (sql.spendTry.run(emailHash).changes === 0) sql.burnCode.run(emailHash);
  });

  return {
    async saveClientCode(code: ClientCode, now: string) {
      sql.dropExpiredCodes.run(now);
      sql.saveCode.run(code);
    },
    async findClientCode(emailHash) {
      const row = sql.findCode.get(emailHash) as CodeRow | undefined;
      return row
        ? { emailHash: row.email_hash, codeHash: row.code_hash, expiresAt: row.expires_at, triesLeft: row.tries_left, createdAt: row.created_at }
        : null;
    },
    async useClientCode(emailHash, codeHash) {
      return sql.useCode.run(emailHash, codeHash).changes === 1;
    },
    async spendClientCodeTry(emailHash) {
      spendTry(emailHash);
    },
    async saveClientToken(token, now) {
      sql.dropExpiredTokens.run(now);
      sql.saveToken.run(token);
    },
    async findClientToken(tokenHash, now) {
      const row = sql.findToken.get(tokenHash, now) as { email_norm: string } | undefined;
      return row?.email_norm ?? null;
    },
    async clientHistory(emailNorm): Promise<ClientHistory> {
      const { n } = sql.count.get(emailNorm) as { n: number };
      const latest = sql.latest.get(emailNorm) as { client_name: string; client_phone: string } | undefined;
      const full = sql.lastFull.get(emailNorm) as { at: string | null };
      return { bookings: n, lastFullIntakeAt: full.at, contact: latest ? { name: latest.client_name, phone: latest.client_phone } : null };
    },
  };
}
