import type { HandlerMap } from "./types";
import { clientHelloRealm } from "./auth/ClientHelloRealm";
import { clientCharacterCreate } from "./characters/ClientCharacterCreate";
import { clientCharacterList } from "./characters/ClientCharacterList";
import { clientCharacterSelect } from "./characters/ClientCharacterSelect";
import { clientChat } from "./chat/ClientChat";
import { clientEntityCommand } from "./entities/ClientEntityCommand";
import { clientEntityInteract } from "./entities/ClientEntityInteract";
import { clientEntitySelect } from "./entities/ClientEntitySelect";
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
import { clientMountDye } from "./mounts/ClientMountDye";
import { clientMountTrick } from "./mounts/ClientMountTrick";
import { clientMountUpgrade } from "./mounts/ClientMountUpgrade";
import { clientPetCustomisation } from "./mounts/ClientPetCustomisation";
import { clientVehicleDisembark } from "./mounts/ClientVehicleDisembark";
import { clientPetNickname } from "./pets/ClientPetNickname";
import { clientSummonVanityPet } from "./pets/ClientSummonVanityPet";
import { clientVanityPetDismiss } from "./pets/ClientVanityPetDismiss";
import { clientPromoCodeRedeem } from "./promo/ClientPromoCodeRedeem";
import { clientQuestAccept } from "./quests/ClientQuestAccept";
import { clientQuestComplete } from "./quests/ClientQuestComplete";
import { clientCastSpell } from "./spells/ClientCastSpell";
import { clientStorefrontPurchaseAccount } from "./store/ClientStorefrontPurchaseAccount";
import { clientStorefrontPurchaseCharacter } from "./store/ClientStorefrontPurchaseCharacter";
import { clientStorefrontRequestCatalog } from "./store/ClientStorefrontRequestCatalog";
import { clientStorefrontRequestPurchaseHistory } from "./store/ClientStorefrontRequestPurchaseHistory";
import { clientTitleSet } from "./titles/ClientTitleSet";
import { clientVendorPurchase } from "./vendors/ClientVendorPurchase";
import { clientEnteredWorld } from "./world/ClientEnteredWorld";
import { clientLogoutConfirm } from "./world/ClientLogoutConfirm";
import { clientLogoutRequest } from "./world/ClientLogoutRequest";
import { clientPing } from "./world/ClientPing";
import { clientZoneChange } from "./world/ClientZoneChange";

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
  ClientZoneChange: clientZoneChange,
  ClientEntityCommand: clientEntityCommand,
  ClientEntityInteract: clientEntityInteract,
  ClientEntitySelect: clientEntitySelect,
  ClientCastSpell: clientCastSpell,
  ClientChat: clientChat,
  ClientTitleSet: clientTitleSet,
  ClientQuestAccept: clientQuestAccept,
  ClientQuestComplete: clientQuestComplete,
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
  ClientStorefrontRequestCatalog: clientStorefrontRequestCatalog,
  ClientStorefrontPurchaseCharacter: clientStorefrontPurchaseCharacter,
  ClientStorefrontPurchaseAccount: clientStorefrontPurchaseAccount,
  ClientStorefrontRequestPurchaseHistory: clientStorefrontRequestPurchaseHistory,
  ClientPromoCodeRedeem: clientPromoCodeRedeem,
  ClientPetCustomisation: clientPetCustomisation,
  ClientMountDye: clientMountDye,
  ClientMountUpgrade: clientMountUpgrade,
  ClientMountTrick: clientMountTrick,
  ClientVehicleDisembark: clientVehicleDisembark,
  ClientSummonVanityPet: clientSummonVanityPet,
  ClientVanityPetDismiss: clientVanityPetDismiss,
  ClientPetNickname: clientPetNickname,
};
