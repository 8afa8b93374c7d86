// What mount and pet events send to the player in the world: the genuine unlock notices
// (a mount's summon ability learnt, ServerItemAdd and ServerSpellUpdate, then ServerUnlockMount with its summon spell, ServerUnlockVanityPet, ServerUnlockPetFlair),
// a mount's customisation (genuine ServerPetCustomisation, then the ServerMountCustomisation
// extension, and a summoned mount's new dyes to everyone who sees it, ServerMountDyes), and a combat pet's XP and levels (extensions ServerPetXp, ServerPetLevelUp;
// the pet out takes its new level, ServerEntityStatUpdateInteger to everyone who sees it).
import { petXpProgress } from "@bezgelor/core";
import type { GameEventKind, GameEventOf } from "@bezgelor/db";
import { ServerPetLevelUp, ServerPetXp, ServerUnlockMount, ServerUnlockPetFlair, ServerUnlockVanityPet } from "@bezgelor/protocol";
import { mountCustomisationPackets } from "../game/mounts/mount-packets";
import { sendMountAbility } from "../game/spells";
import { systemMessage } from "../game/system-message";
import type { DeliveryContext } from "./deliver-event";

type CollectionKind = Extract<GameEventKind, "collection.unlocked" | `mount.${string}` | `pet.${string}`>;
type Deliver<K extends CollectionKind> = (ctx: DeliveryContext, event: GameEventOf<K>) => void;

function collectibleName(ctx: DeliveryContext, e: GameEventOf<"collection.unlocked">): string {
  const { data } = ctx;
  const id = e.collectibleId;
  const name = { mount: data.mounts.get(id), pet: data.pets.get(id), vanity_pet: data.vanityPets.get(id), flair: data.flair.get(id) }[e.collectibleType]?.name;
  return name ?? `${e.collectibleType} #${id}`;
}

/** The mount and pet event kinds and what they send. */
export const COLLECTION_EVENT_DELIVERY: { readonly [K in CollectionKind]: Deliver<K> } = {
  "collection.unlocked": (ctx, e) => {
    const session = e.characterId === null ? ctx.to.account(e.accountId) : (ctx.to.character(e.characterId) ?? ctx.to.account(e.accountId));
    if (!session) return;
    if (e.collectibleType === "mount") {
      const mount = ctx.data.mounts.get(e.collectibleId);
      // A character in the world learns the summon (its ability item and spell); one at character
      // select gets it on entering (enter-world/collection.ts).
      if (mount && session.character) sendMountAbility(session, ctx.data, session.character.id, mount.id);
      if (mount) session.send(ServerUnlockMount, { spell4Id: mount.spellId });
    } else if (e.collectibleType === "vanity_pet") {
      const pet = ctx.data.vanityPets.get(e.collectibleId);
      if (pet) session.send(ServerUnlockVanityPet, { spell4Id: pet.spellId });
    } else if (e.collectibleType === "flair") {
      session.send(ServerUnlockPetFlair, { petFlairId: e.collectibleId });
    }
    systemMessage(session, `Added to your collection: ${collectibleName(ctx, e)}`);
  },
  "mount.customized": (ctx, e) => {
    const session = ctx.to.character(e.characterId);
    const mount = ctx.data.mounts.get(e.mountId);
    if (session && mount) for (const p of mountCustomisationPackets(mount, e)) session.deliver(p);
    if (e.change === "dye") ctx.to.recolourMount(e.characterId, e.mountId, e.dyes);
  },
  "pet.renamed": (ctx, e) => {
    const session = ctx.to.character(e.characterId);
    if (session) systemMessage(session, e.nickname === null ? "Your pet's name was cleared" : `Your pet is now called ${e.nickname}`);
  },
  "pet.xp-gained": (ctx, e) => {
    const session = ctx.to.character(e.characterId);
    const pet = ctx.data.pets.get(e.petId);
    if (!session || !pet) return;
    const progress = petXpProgress(pet, e.xp);
    session.send(ServerPetXp, {
      petId: e.petId,
      gained: e.gained,
      xp: e.xp,
      level: progress.level,
      xpIntoLevel: progress.xpIntoLevel,
      xpToNextLevel: progress.xpToNextLevel ?? 0,
    });
    for (let level = e.fromLevel + 1; level <= e.toLevel; level++) session.send(ServerPetLevelUp, { petId: e.petId, level });
    // Whoever granted it (a kill, a GM, the CLI, another service), the pet out shows and fights at its new level.
    ctx.to.setPetLevel(e.characterId, e.petId, e.toLevel);
  },
};
