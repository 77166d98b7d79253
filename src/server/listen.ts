import { serve, type Http2Bindings, type HttpBindings, type ServerType } from "@hono/node-server";

export type FetchHandler = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

export function listen(port: number, hostname: string, fetch: FetchHandler): Promise<ServerType> {
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolveServer(server));
    server.once("error", reject);
  });
}

/** Stops accepting requests; idle keep-alive sockets are dropped, or closing would wait for them to time out. */
export function stopListening(server: ServerType): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  });
}

/** The address a browser on this machine uses for a server bound to `host`. */
export function browserHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
