import type { HandlerMap } from "./types";
import { clientHelloRealm } from "./auth/hello";
import { clientCharacterCreate } from "./characters/create";
import { clientCharacterList } from "./characters/list";
import { clientCharacterSelect } from "./characters/select";
import { clientChat } from "./chat/chat";
import { clientFriendshipAccountAddByIdentity } from "./friends/ClientFriendshipAccountAddByIdentity";
import { clientFriendshipAddByName } from "./friends/ClientFriendshipAddByName";
import { clientFriendshipInviteResponse } from "./friends/ClientFriendshipInviteResponse";
import { clientFriendshipRemoveByIdentity } from "./friends/ClientFriendshipRemoveByIdentity";
import { clientFriendshipRemoveByName } from "./friends/ClientFriendshipRemoveByName";
import { clientFriendshipSetNoteByIdentity } from "./friends/ClientFriendshipSetNoteByIdentity";
import { clientMailDelete } from "./mail/ClientMailDelete";
import { clientMailOpen } from "./mail/ClientMailOpen";
import { clientMailPayCod } from "./mail/ClientMailPayCod";
import { clientMailReturn } from "./mail/ClientMailReturn";
import { clientMailSend } from "./mail/ClientMailSend";
import { clientMailTakeAttachment } from "./mail/ClientMailTakeAttachment";
import { clientMailTakeCash } from "./mail/ClientMailTakeCash";
import { clientQuestAccept } from "./quests/accept";
import { clientQuestComplete } from "./quests/complete";
import { clientTitleSet } from "./titles/title-set";
import { clientVendorOpen } from "./vendors/open";
import { clientVendorPurchase } from "./vendors/purchase";
import { clientEnteredWorld } from "./world/entered-world";
import { clientLogoutConfirm, clientLogoutRequest } from "./world/logout";
import { clientPing } from "./world/ping";

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
  ClientFriendshipAccountAddByIdentity: clientFriendshipAccountAddByIdentity,
  ClientFriendshipAddByName: clientFriendshipAddByName,
  ClientFriendshipInviteResponse: clientFriendshipInviteResponse,
  ClientFriendshipRemoveByIdentity: clientFriendshipRemoveByIdentity,
  ClientFriendshipRemoveByName: clientFriendshipRemoveByName,
  ClientFriendshipSetNoteByIdentity: clientFriendshipSetNoteByIdentity,
  ClientMailDelete: clientMailDelete,
  ClientMailOpen: clientMailOpen,
  ClientMailPayCod: clientMailPayCod,
  ClientMailReturn: clientMailReturn,
  ClientMailSend: clientMailSend,
  ClientMailTakeAttachment: clientMailTakeAttachment,
  ClientMailTakeCash: clientMailTakeCash,
};
