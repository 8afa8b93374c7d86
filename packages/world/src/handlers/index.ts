import type { HandlerMap } from "./types";
import { clientHelloRealm } from "./auth/hello";
import { clientCharacterCreate } from "./characters/create";
import { clientCharacterList } from "./characters/list";
import { clientCharacterSelect } from "./characters/select";
import { clientEnteredWorld } from "./world/entered-world";
import { clientLogoutConfirm, clientLogoutRequest } from "./world/logout";
import { clientPing } from "./world/ping";

/** Every client packet's handler, by packet name. */
export const HANDLERS = {
  ClientHelloRealm: clientHelloRealm,
  ClientCharacterList: clientCharacterList,
  ClientCharacterSelect: clientCharacterSelect,
  ClientCharacterCreate: clientCharacterCreate,
  ClientEnteredWorld: clientEnteredWorld,
  ClientLogoutRequest: clientLogoutRequest,
  ClientLogoutConfirm: clientLogoutConfirm,
  ClientPing: clientPing,
} as unknown as HandlerMap;
