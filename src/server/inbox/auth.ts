import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { hmac, sameSecret } from "../secrets";

export const SESSION_COOKIE = "inbox_session";
const SESSION_MS = 12 * 3_600_000;

export interface InboxAuth {
  isAuthorized(c: Context): boolean;
  /** Checks a token typed into the login form; on success sets the session cookie. */
  logIn(c: Context, presented: string): boolean;
  logOut(c: Context): void;
}

/**
 * Bearer token for scripts, a cookie for people. The cookie holds an expiry and an HMAC of it
 * keyed by the token, never the token itself: it cannot be replayed past its expiry, and changing
 * INBOX_TOKEN signs everyone out.
 */
export function inboxAuth(token: string, options: { secureCookie: (c: Context) => boolean; nowMs?: () => number }): InboxAuth {
  const nowMs = options.nowMs ?? Date.now;
  const signature = (expires: string) => hmac(token, `inbox-session:${expires}`);

  const validSession = (value: string): boolean => {
    const [expires, signed, ...rest] = value.split(".");
    if (!expires || !signed || rest.length > 0 || !/^\d+$/.test(expires)) return false;
    // Signature first, in constant time, so the expiry check does not reveal whether it matched.
    const authentic = sameSecret(signed, signature(expires));
    return authentic && Number(expires) > nowMs();
  };

  return {
    isAuthorized(c) {
      const header = c.req.header("authorization");
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        return match?.[1] !== undefined && sameSecret(match[1], token);
      }
      const cookie = getCookie(c, SESSION_COOKIE);
      return cookie !== undefined && validSession(cookie);
    },
    logIn(c, presented) {
      if (!sameSecret(presented, token)) return false;
      const expires = String(nowMs() + SESSION_MS);
      setCookie(c, SESSION_COOKIE, `${expires}.${signature(expires)}`, {
        httpOnly: true,
        sameSite: "Strict",
        secure: options.secureCookie(c),
        path: "/inbox",
        maxAge: SESSION_MS / 1000,
      });
      return true;
    },
    logOut(c) {
      deleteCookie(c, SESSION_COOKIE, { path: "/inbox", secure: options.secureCookie(c) });
    },
  };
}
