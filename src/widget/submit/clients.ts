import { VerifiedClientSchema } from "../../core/clients/contract";
import { isAllowedEndpoint } from "../../core/config/schema";
import type { ClientCodeService, CodeRequestOutcome, CodeVerifyOutcome } from "../types";
import { siblingUrl } from "./availability";
import { attempt, ISOLATED_REQUEST, readJson, type FetchLike } from "./http";

export const DEFAULT_CODE_TIMEOUT_MS = 10_000;

export interface ClientCodeServiceOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
}

/**
 * The receiver's `POST …/clients/code` and `…/clients/verify`, beside its bookings URL. One
 * attempt each: the client sees the failure and decides (a second code email replaces the first).
 * Never logs: the bodies hold an email and a code.
 */
export function createClientCodeService(bookingsEndpoint: string, options: ClientCodeServiceOptions = {}): ClientCodeService {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_CODE_TIMEOUT_MS;
  const allowed = isAllowedEndpoint(bookingsEndpoint);

  const post = async (path: string, body: object) => {
    if (!allowed) return null;
    const init: RequestInit = {
      ...ISOLATED_REQUEST,
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    };
    const outcome = await attempt(fetchFn, siblingUrl(bookingsEndpoint, path), init, { timeoutMs }, async (response) => ({
      status: response.status,
      body: await readJson(response),
    }));
    return outcome.kind === "done" ? outcome.value : null;
  };

  return {
    async requestCode(email, locale): Promise<CodeRequestOutcome> {
      const answer = await post("clients/code", { email, locale });
      if (answer?.status === 202) return { kind: "sent" };
      if (answer?.status === 422) return { kind: "invalid-email" };
      if (answer?.status === 429) return { kind: "rate-limited", retryAfterSeconds: retryAfterIn(answer.body) };
      return { kind: "failed" };
    },
    async verifyCode(email, code): Promise<CodeVerifyOutcome> {
      const answer = await post("clients/verify", { email, code });
      if (answer?.status === 200) {
        const client = VerifiedClientSchema.safeParse(answer.body);
        return client.success ? { kind: "verified", client: client.data } : { kind: "failed" };
      }
      if (answer?.status === 401 || answer?.status === 422) return { kind: "code-invalid" };
      if (answer?.status === 429) return { kind: "rate-limited", retryAfterSeconds: retryAfterIn(answer.body) };
      return { kind: "failed" };
    },
  };
}

function retryAfterIn(body: unknown): number {
  const seconds = typeof body === "object" && body !== null && "retryAfterSeconds" in body ? body.retryAfterSeconds : undefined;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}
