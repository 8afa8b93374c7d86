import type { ClientPacketName, ClientPacketValues } from "@bezgelor/protocol";
import type { Session } from "../server/session";
import type { SessionState } from "../server/states";
import type { WorldServices } from "../server/services";

/** What a handler gets: the session the packet came from, and the server's services. */
export interface HandlerContext {
  readonly session: Session;
  readonly services: WorldServices;
}

/**
 * Handles one client packet. `states` lists where the packet makes sense; anywhere else it is a
 * protocol violation and the session is closed before `handle` runs.
 */
export interface PacketHandler<V> {
  readonly states: readonly SessionState[];
  handle(ctx: HandlerContext, packet: V): Promise<void> | void;
  /**
   * The genuine refusal the client understands when the database is unavailable (a failed
   * character create, say). Without one the client gets `ServerRequestResult UNAVAILABLE`.
   */
  onUnavailable?(ctx: HandlerContext, packet: V): void;
  /**
   * The genuine answer the client understands when the request fails any other way: a refusal
   * with no genuine answer of its own (a WorldError or DbError the handler let through) or a
   * server error. For requests whose client waits for one packet and nothing else (a store
   * purchase): without one the client gets `ServerRequestResult`, which the genuine client does
   * not read. The failure is logged as usual either way; a protocol violation still closes the
   * session.
   */
  onFailure?(ctx: HandlerContext, packet: V): void;
}

/** One handler per client packet: the compiler refuses a map that misses one. */
export type HandlerMap = { readonly [K in ClientPacketName]: PacketHandler<ClientPacketValues[K]> };

/** Declares a handler with its packet's value type inferred from the name. */
export function handler<K extends ClientPacketName>(_packet: K, spec: PacketHandler<ClientPacketValues[K]>): PacketHandler<ClientPacketValues[K]> {
  return spec;
}
