import { listInventory } from "@bezgelor/db";
import { callerIds, gmCommand } from "../command";
import { chatLine } from "../store-replies";

/** `!inventory`: the items the caller's character holds, with their counts. */
export const inventory = gmCommand({
  name: "inventory",
  role: "player",
  usage: "!inventory",
  summary: "list your character's items",
  maxArgs: 0,
  async run(ctx) {
    const items = await listInventory(ctx.services.db, { characterId: callerIds(ctx).characterId });
    if (items.length === 0) return "your inventory is empty";
    return chatLine(["inventory", ...items.map((i) => `${ctx.services.data.items.get(i.itemId)?.name ?? `item ${i.itemId}`} x${i.count}`)]);
  },
});
