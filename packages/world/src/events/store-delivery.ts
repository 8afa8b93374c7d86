// What the storefront, collection and promo code events tell a player who is in the world,
// whoever caused them (a store packet, `!redeem`, the CLI, another service). The purchase's own
// answer is the genuine ServerStorePurchaseResult its handler sends; balances are sent by the
// currency.changed events the same actions cause (ServerAccountCurrencySet, ServerCombatReward),
// a gift by mail.arrived (ServerMailAvailable), a collection unlock by collection-delivery.ts. The
// client has no packet this server models for a purchase made elsewhere or a refund, so those are
// told as a system line.
import type { GameEventKind, GameEventOf } from "@bezgelor/db";
import { sendStoreCatalog } from "../game/store-catalog";
import { systemMessage } from "../game/system-message";
import type { DeliveryContext } from "./deliver-event";

type StoreKind = Extract<GameEventKind, `store.${string}` | `promo.${string}`>;
type Deliver<K extends StoreKind> = (ctx: DeliveryContext, event: GameEventOf<K>) => void | Promise<void>;

function tell(ctx: DeliveryContext, accountId: number, characterId: number | null, text: string): void {
  const session = characterId === null ? ctx.to.account(accountId) : (ctx.to.character(characterId) ?? ctx.to.account(accountId));
  if (session) systemMessage(session, text);
}

/** The store event kinds and what they send. */
export const STORE_EVENT_DELIVERY: { readonly [K in StoreKind]: Deliver<K> } = {
  "store.purchased": (ctx, e) =>
    tell(
      ctx,
      e.accountId,
      e.characterId,
      `${e.recipientCharacterId === null ? "Purchased" : "Gift sent"}: offer ${e.offerId} for ${e.amountPaid} ${e.currency}`,
    ),
  "store.refunded": (ctx, e) => tell(ctx, e.accountId, e.characterId, `Gift refunded: ${e.amount} ${e.currency}`),
  "promo.redeemed": (ctx, e) => tell(ctx, e.accountId, e.characterId, `Code ${e.code} redeemed`),
  // Everyone with the store open is sent it again, priced for their account (VIP), so the view
  // refreshes; a player whose read fails keeps the old view and sees the change on reopening.
  "store.catalog-changed": async (ctx) => {
    await Promise.all(
      ctx.to
        .storeBrowsers()
        .map((session) => sendStoreCatalog(session, ctx).catch((err: unknown) => session.logger.warn({ err }, "could not send the changed store catalog"))),
    );
  },
};
