import type { HandlerMap } from "./types";
import { clientHelloRealm } from "./auth/ClientHelloRealm";
import { clientCharacterCreate } from "./characters/ClientCharacterCreate";
import { clientCharacterList } from "./characters/ClientCharacterList";
import { clientCharacterSelect } from "./characters/ClientCharacterSelect";
import { clientChat } from "./chat/ClientChat";
import { clientQuestAccept } from "./quests/ClientQuestAccept";
import { clientQuestComplete } from "./quests/ClientQuestComplete";
import { clientTitleSet } from "./titles/ClientTitleSet";
import { clientVendorOpen } from "./vendors/ClientVendorOpen";
import { clientVendorPurchase } from "./vendors/ClientVendorPurchase";
import { clientEnteredWorld } from "./world/ClientEnteredWorld";
import { clientLogoutConfirm } from "./world/ClientLogoutConfirm";
import { clientLogoutRequest } from "./world/ClientLogoutRequest";
import { clientPing } from "./world/ClientPing";

/** Every client packet's handler, by packet name. The type makes a missing handler a compile error. */
export const HANDLERS: HandlerMap = {
  ClientHelloRealm: clientHelloRealm,
  ClientCharacterList: clientCharacterList,
  ClientCharacterSelect: clientCharacterSelect,
  ClientCharacterCreate: clientCharacterCreate,
  ClientEnteredWorld: clientEnteredWorld,
  ClientLogoutRequest: clientLogoutRequest,
  ClientLogoutConfirm: clientLogoutConfirm,
  ClientPing: clientPing,
  ClientChat: clientChat,
  ClientTitleSet: clientTitleSet,
  ClientQuestAccept: clientQuestAccept,
  ClientQuestComplete: clientQuestComplete,
  ClientVendorOpen: clientVendorOpen,
  ClientVendorPurchase: clientVendorPurchase,
};
