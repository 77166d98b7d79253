import type { KeyedResponse } from "./types";

/** Reads what an idempotency key holds (one row, by key). */
export const KEYED_RESPONSE_SQL = `SELECT status, body, request_hash FROM idempotency_keys WHERE key = ?`;

export interface KeyRow {
  status: number;
  body: string;
  request_hash: string | null;
}

export function toKeyedResponse(row: KeyRow): KeyedResponse {
  return { status: row.status, body: row.body, requestHash: row.request_hash };
}

/**
 * Whether a request with `requestHash` repeats the one the key answered. A key stored before
 * hashes were kept cannot tell, and replays as it always did.
 */
export function sameRequest(first: KeyedResponse, requestHash: string): boolean {
  return first.requestHash === null || first.requestHash === requestHash;
}
