import { getActiveTitle, listAccountTitles } from "@bezgelor/db";
import { ServerTitles, ServerTitleSet } from "@bezgelor/protocol";
import { enterWorldStep } from "./step";

const SECOND = 1000;

/**
 * The account's titles (genuine ServerTitles, with the seconds left on expiring ones) and the
 * active title on the player's own unit (genuine ServerTitleSet; 0 when none).
 */
export const titles = enterWorldStep({
  name: "titles",
  async load({ services, accountId, now }) {
    const [owned, active] = await Promise.all([listAccountTitles(services.db, { accountId, now }), getActiveTitle(services.db, { accountId, now })]);
    return { owned, active };
  },
  send({ session, services, characterId, now }, { owned, active }) {
    session.send(ServerTitles, {
      titles: owned.map((t) => ({
        titleId: t.titleId,
        revoked: false,
        inSchedule: t.expiresAt !== null,
        timeRemaining: t.expiresAt ? Math.max(0, Math.floor((t.expiresAt.getTime() - now.getTime()) / SECOND)) : 0,
      })),
    });
    session.send(ServerTitleSet, { unitId: services.world.unitOf(characterId)?.id ?? 0, titleId: active ?? 0 });
  },
});
