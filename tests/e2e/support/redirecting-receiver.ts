/**
 * A receiver on its own origin that answers every booking POST with a redirect, as a clinic's
 * endpoint moved behind a 302 would. Preflights pass and every answer carries CORS headers for
 * the demo's origin, so what the widget sees is the redirect itself; availability is read from
 * the demo clinic, so the flow reaches the review step.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RedirectingReceiver {
  /** The booking endpoint, e.g. "http://127.0.0.1:40123/api/bookings". */
  endpoint: string;
  /** How many booking POSTs reached it. */
  posts(): number;
  close(): Promise<void>;
}

export async function startRedirectingReceiver(pageOrigin: string, availabilityFrom: string): Promise<RedirectingReceiver> {
  let posts = 0;
  const cors = {
    "Access-Control-Allow-Origin": pageOrigin,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
    Vary: "Origin",
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://receiver.invalid").pathname;
    if (request.method === "OPTIONS") {
      response.writeHead(204, cors).end();
    } else if (request.method === "POST" && path === "/api/bookings") {
      posts++;
      request.resume();
      response.writeHead(302, { ...cors, Location: `${availabilityFrom}/moved/api/bookings` }).end();
    } else if (request.method === "GET" && path === "/api/availability") {
      void fetch(new URL(request.url ?? "", availabilityFrom)).then(async (answer) => {
        response.writeHead(answer.status, { ...cors, "Content-Type": "application/json" }).end(await answer.text());
      });
    } else {
      response.writeHead(404, cors).end();
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/bookings`,
    posts: () => posts,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
