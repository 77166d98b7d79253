import type { Context, MiddlewareHandler } from "hono";

export interface TokenBucketOptions {
  /** Sustained requests per minute per key (a fraction for slower ones); also the burst size unless `burst` is given. */
  perMinute: number;
  /** Requests allowed at once after a quiet spell, e.g. 3 codes, then one per 5 minutes. */
  burst?: number;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  /** Keys tracked at most; idle full buckets are dropped first when it is reached. */
  maxKeys?: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** In-memory, per process: enough to blunt a script hammering one receiver, not a distributed limiter. */
export function tokenBucket({ perMinute, burst = perMinute, now = Date.now, maxKeys = 10_000 }: TokenBucketOptions) {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;

  const refilled = (bucket: Bucket, at: number): number =>
    Math.min(burst, bucket.tokens + (at - bucket.updatedMs) * refillPerMs);

  const forgetIdle = (at: number) => {
    for (const [key, bucket] of buckets) if (refilled(bucket, at) >= burst) buckets.delete(key);
  };

  return {
    take(key: string): Take {
      const at = now();
      if (!buckets.has(key) && buckets.size >= maxKeys) forgetIdle(at);
      const bucket = buckets.get(key) ?? { tokens: burst, updatedMs: at };
      bucket.tokens = refilled(bucket, at);
      bucket.updatedMs = at;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}

export type TokenBucket = ReturnType<typeof tokenBucket>;

export function rateLimit(
  bucket: TokenBucket,
  keyOf: (c: Context) => string,
  refuse: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const taken = bucket.take(keyOf(c));
    if (!taken.allowed) {
      c.header("Retry-After", String(taken.retryAfterSeconds));
      return refuse(c, taken.retryAfterSeconds);
    }
    await next();
  };
}
