/**
 * The one list of packet modules. Each module declares one packet (name, opcode, origin, direction,
 * fields) with `definePacket`; the opcode table (`OPCODES`), the client and server registries and the
 * public exports are all derived from this list, so a new packet is its module, one line here and a
 * golden fixture. Modules sit in folders by feature, client and server packets together.
 */
export * from "./achievements/ServerAchievementInit";
export * from "./achievements/ServerAchievementUpdate";
export * from "./auth/ClientHelloRealm";
export * from "./auth/ClientPing";
export * from "./auth/ServerHello";
export * from "./characters/ClientCharacterCreate";
export * from "./characters/ClientCharacterList";
export * from "./characters/ClientCharacterSelect";
export * from "./characters/ServerCharacterCreate";
export * from "./characters/ServerCharacterList";
export * from "./characters/ServerCharacterSelectFail";
export * from "./chat/ClientChat";
export * from "./chat/ServerChat";
export * from "./chat/ServerChatResult";
export * from "./currency/ServerAccountCurrencySet";
export * from "./currency/ServerCombatReward";
export * from "./inventory/ServerInventoryUpdate";
export * from "./quests/ClientQuestAccept";
export * from "./quests/ClientQuestComplete";
export * from "./quests/ServerQuestStateChange";
export * from "./reputation/ServerReputationList";
export * from "./reputation/ServerReputationUpdate";
export * from "./results/ServerGenericError";
export * from "./results/ServerRequestResult";
export * from "./titles/ClientTitleSet";
export * from "./titles/ServerTitleSet";
export * from "./titles/ServerTitleUpdate";
export * from "./titles/ServerTitles";
export * from "./vendors/ClientVendorOpen";
export * from "./vendors/ClientVendorPurchase";
export * from "./vendors/ServerVendorItems";
export * from "./vendors/ServerVendorRefused";
export * from "./world/ClientEnteredWorld";
export * from "./world/ClientLogoutConfirm";
export * from "./world/ClientLogoutRequest";
export * from "./world/ServerChangeWorld";
export * from "./world/ServerLogout";
export * from "./world/ServerPlayerEnteredWorld";
