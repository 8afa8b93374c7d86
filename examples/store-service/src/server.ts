// A small HTTP front on the store: JSON in and out, a bounded body, one log line per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { DbClient, GameRules } from "@bezgelor/db";
import type { Logger } from "pino";
import { describeFailure, HttpError } from "./http-error.js";
import { balances, catalog, purchase, type RouteContext, type RouteResult } from "./routes.js";

/** Bodies over this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

type Route = (ctx: RouteContext) => Promise<RouteResult>;
const ROUTES: Record<string, Route> = {
  "GET /catalog": catalog,
  "GET /balances": balances,
  "POST /purchases": purchase,
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  // The media type, compared case-insensitively without its parameters (`; charset=utf-8`).
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "BODY_TOO_LARGE", `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "INVALID_JSON", "the body is not JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** An HTTP server on the store; call `listen` on it. */
export function createStoreServer(deps: { client: DbClient; rules: GameRules; logger: Logger }): Server {
  let nextRequest = 1;
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const log = deps.logger.child({ request: nextRequest++, method: req.method, path: url.pathname });
    const route = ROUTES[`${req.method ?? ""} ${url.pathname}`];
    void (async () => {
      try {
        if (!route) throw new HttpError(404, "NO_SUCH_ROUTE", `no ${req.method ?? ""} ${url.pathname}; try GET /catalog, GET /balances, POST /purchases`);
        const body = await readJson(req);
        const result = await route({ client: deps.client, rules: deps.rules, query: url.searchParams, headers: req.headers, body });
        send(res, result.status, result.body);
        log.info({ status: result.status }, "answered");
      } catch (error) {
        const { status, body } = describeFailure(error);
        if (status >= 500) log.error({ err: error, status }, "request failed");
        else log.info({ status, error: body.error }, "refused");
        send(res, status, body);
      }
    })();
  });
}
