/**
 * Request settings shared by every call the widget makes. It runs on a clinic's page, so it
 * sends no cookies, no referrer (the page URL can name a condition, e.g. /sciatica-massage),
 * never follows a redirect, and never answers from the HTTP cache.
 *
 * `manual`, not `error`: browsers reject an `error` redirect as a bare "Failed to fetch", the
 * same as being offline, so a redirecting endpoint was retried and the client told to check
 * their connection. `manual` hands the redirect back unfollowed, as an "opaqueredirect"
 * response in browsers and as the 3xx itself in Node, and `attempt` reports it as a redirect.
 */
export const ISOLATED_REQUEST = {
  redirect: "manual",
  credentials: "omit",
  mode: "cors",
  referrerPolicy: "no-referrer",
  cache: "no-store",
} as const satisfies RequestInit;

export type FetchLike = typeof fetch;

/** How one attempt ended; `done` carries whatever `read` made of the response. */
export type Attempt<T> =
  | { kind: "done"; value: T }
  | { kind: "timeout" }
  | { kind: "aborted" }
  | { kind: "redirect" }
  | { kind: "network" };

export interface AttemptOptions {
  timeoutMs: number;
  /** The caller's signal: aborting it ends the attempt as `aborted`. */
  signal?: AbortSignal | undefined;
}

/**
 * One fetch with its own deadline. The deadline also covers reading the body: a receiver
 * that sends headers and then stalls is as unusable as one that never answers (the read is
 * ended here too, for a response whose body is not tied to the signal, such as the loader's).
 */
export async function attempt<T>(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  options: AttemptOptions,
  read: (response: Response) => Promise<T>,
): Promise<Attempt<T>> {
  const { signal } = options;
  if (signal?.aborted) return { kind: "aborted" };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const forwardAbort = () => controller.abort();
  signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    if (isRedirect(response)) return { kind: "redirect" };
    return { kind: "done", value: await untilAborted(read(response), controller.signal) };
  } catch (error) {
    if (signal?.aborted) return { kind: "aborted" };
    if (timedOut) return { kind: "timeout" };
    return { kind: mentionsRedirect(error) ? "redirect" : "network" };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}

/** `work`, unless `signal` aborts first: then an AbortError. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError"));
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/** The body as JSON, or undefined when it is empty or not JSON: callers validate the shape anyway. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a `redirect: "manual"` fetch hands back: browsers an opaque "opaqueredirect" with status 0, Node the 3xx itself. */
function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}

/**
 * A fetch given `redirect: "error"` (a caller's own, or a polyfill that ignores `manual`)
 * rejects a redirect with a TypeError; Node and Deno say why ("unexpected redirect", in
 * `cause`), browsers say only "Failed to fetch" and so cannot be told apart from offline.
 */
function mentionsRedirect(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth++) {
    if (/redirect/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/** Why a read request (availability, config) failed: codes the widget or embed can translate. */
export type RequestFailure = "offline" | "timeout" | "server" | "redirect" | "insecure-endpoint" | "bad-request";

/** Rejection of a read request. The message names the URL, never a body. */
export class RequestFailedError extends Error {
  readonly reason: RequestFailure;

  constructor(reason: RequestFailure, message: string) {
    super(message);
    this.name = "RequestFailedError";
    this.reason = reason;
  }
}

/** The value of a finished attempt; any other ending becomes a `RequestFailedError`. */
export function valueOrThrow<T>(outcome: Attempt<T>, what: string): T {
  switch (outcome.kind) {
    case "done":
      return outcome.value;
    case "redirect":
      throw new RequestFailedError("redirect", `${what} answered with a redirect`);
    case "timeout":
    case "aborted":
      throw new RequestFailedError("timeout", `${what} did not answer in time`);
    case "network":
      throw new RequestFailedError("offline", `${what} could not be reached`);
  }
}
