import { getReputations } from "@bezgelor/db";
import { ServerReputationList } from "@bezgelor/protocol";
import { enterWorldStep } from "./step";

/**
 * The character's standings with every faction: extension ServerReputationList (the genuine
 * client gets them inside its player entity, which this server does not send yet).
 */
export const standings = enterWorldStep({
  name: "standings",
  load: ({ services, characterId }) => getReputations(services.db, { characterId }),
  send({ session }, reputations) {
    session.send(ServerReputationList, { reputations: reputations.map((r) => ({ factionId: r.factionId, value: r.standing })) });
  },
});
