import { computed, signal } from "@preact/signals";
import { CODE_PATTERN, CodeRequestSchema, normaliseEmail, type VerifiedClient } from "../../core/clients/contract";
import type { ClientCodeService } from "../types";

export type ReturningModel = ReturnType<typeof createReturningModel>;

/** Why the code step cannot go on; each has a message in the catalogues (`clientCode.error.*`). */
export type ClientCodeError = "invalid-email" | "invalid-code" | "code-invalid" | "rate-limited" | "failed";

/** A verification the receiver granted, for one email; the token lives in this object only. */
export interface Verification extends VerifiedClient {
  /** Normalised. */
  email: string;
}

interface ReturningDeps {
  service: ClientCodeService | undefined;
  locale: () => string;
  /** Called once a code is verified, with what the receiver returned. */
  onVerified: (verification: Verification) => void;
}

/**
 * The one-time code step: an email, a code sent to it, then the receiver's verdict. The client
 * token is kept here, in memory, and nowhere else: no storage, no URL, no log.
 */
export function createReturningModel(deps: ReturningDeps) {
  /** The client asked to verify their email (the form is shown). */
  const open = signal(false);
  const phase = signal<"email" | "code">("email");
  const email = signal("");
  const code = signal("");
  /** The address the live code was sent to, as typed. */
  const sentTo = signal<string | null>(null);
  const sending = signal(false);
  const error = signal<ClientCodeError | null>(null);
  const retryAfterSeconds = signal(0);
  const verified = signal<Verification | null>(null);

  const available = deps.service !== undefined;
  const emailShape = CodeRequestSchema.shape.email;

  function fail(reason: ClientCodeError, waitSeconds = 0): false {
    error.value = reason;
    retryAfterSeconds.value = waitSeconds;
    return false;
  }

  /** Resolves true once a code is on its way. */
  async function requestCode(): Promise<boolean> {
    const service = deps.service;
    if (!service || sending.value) return false;
    const address = email.value.trim();
    if (!emailShape.safeParse(address).success) return fail("invalid-email");
    sending.value = true;
    error.value = null;
    try {
      const outcome = await service.requestCode(address, deps.locale());
      if (outcome.kind === "sent") {
        sentTo.value = address;
        code.value = "";
        phase.value = "code";
        return true;
      }
      return outcome.kind === "rate-limited" ? fail("rate-limited", outcome.retryAfterSeconds) : fail(outcome.kind);
    } finally {
      sending.value = false;
    }
  }

  /** Resolves true once the receiver accepted the code. */
  async function verify(): Promise<boolean> {
    const service = deps.service;
    const address = sentTo.value;
    if (!service || !address || sending.value) return false;
    const digits = code.value.replace(/\s/g, "");
    if (!CODE_PATTERN.test(digits)) return fail("invalid-code");
    sending.value = true;
    error.value = null;
    try {
      const outcome = await service.verifyCode(address, digits);
      if (outcome.kind === "verified") {
        const verification: Verification = { ...outcome.client, email: normaliseEmail(address) };
        verified.value = verification;
        code.value = "";
        open.value = false;
        deps.onVerified(verification);
        return true;
      }
      return outcome.kind === "rate-limited" ? fail("rate-limited", outcome.retryAfterSeconds) : fail(outcome.kind);
    } finally {
      sending.value = false;
    }
  }

  function start(): void {
    open.value = true;
  }

  function setEmail(value: string): void {
    email.value = value;
    if (error.value === "invalid-email") error.value = null;
  }

  function setCode(value: string): void {
    code.value = value;
    if (error.value === "invalid-code") error.value = null;
  }

  /** Back to the email field, keeping what was typed. */
  function changeEmail(): void {
    phase.value = "email";
    code.value = "";
    error.value = null;
  }

  /** Drops the verification (another email, or a token the receiver no longer takes). */
  function forget(): void {
    verified.value = null;
    sentTo.value = null;
    phase.value = "email";
    error.value = null;
  }

  function reset(): void {
    forget();
    open.value = false;
    email.value = "";
    code.value = "";
  }

  const token = computed(() => verified.value?.clientToken ?? null);

  return {
    available,
    open,
    phase,
    email,
    code,
    sentTo,
    sending,
    error,
    retryAfterSeconds,
    verified,
    token,
    start,
    setEmail,
    setCode,
    requestCode,
    verify,
    changeEmail,
    forget,
    reset,
  };
}
