import { z } from "zod";
import { ReasonSchema } from "../validation.js";

/**
 * Who asked for an action: a player (through their character or account), an operator by name
 * (CLI, web portal), or the server itself (mail expiry, journal replay). Recorded in the ledger.
 */
export type Actor =
  | { kind: "character"; accountId: number; characterId: number }
  | { kind: "account"; accountId: number }
  | { kind: "admin"; name: string }
  | { kind: "system"; name: string };

/** An operator's or the server's name, as the ledger records it: held to the rule of a reason (1..64 characters, no control or override character). */
const Name = ReasonSchema;
const Id = z.number().int().min(1).max(2147483647);

/** Validates an {@link Actor}. */
export const ActorSchema: z.ZodType<Actor> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("character"), accountId: Id, characterId: Id }),
  z.object({ kind: z.literal("account"), accountId: Id }),
  z.object({ kind: z.literal("admin"), name: Name }),
  z.object({ kind: z.literal("system"), name: Name }),
]);

/** The actor as the ledger stores it: "character:12", "account:3", "admin:alice", "system:mail". */
export function formatActor(actor: Actor): string {
  switch (actor.kind) {
    case "character":
      return `character:${actor.characterId}`;
    case "account":
      return `account:${actor.accountId}`;
    case "admin":
    case "system":
      return `${actor.kind}:${actor.name}`;
  }
}
