import { getMergedCollection, listCharacterPets, listMountCustomizations } from "@bezgelor/db";
import { ServerCollection, ServerPetCustomisationList, unlockedFlairField } from "@bezgelor/protocol";
import { mountCustomisationPacket, petCustomisationOf } from "../game/mounts/mount-packets";
import { sendMountAbility } from "../game/spells";
import { enterWorldStep } from "./step";

/**
 * The character's mounts and pets: the ServerCollection extension (mounts and vanity pets with
 * their summon spells, combat pets with level, XP and nickname), then the genuine
 * ServerPetCustomisationList (the unlocked flair as its 512-bit field, and every customised mount's
 * flair), then a ServerMountCustomisation extension per customised mount (dyes, upgrades, tricks, speed),
 * then each owned mount's summon ability (its ability item and ServerSpellUpdate, `sendMountAbility`).
 */
export const collection = enterWorldStep({
  name: "collection",
  async load({ services, accountId, characterId }) {
    const [owned, pets, mounts] = await Promise.all([
      getMergedCollection(services.db, { accountId, characterId }),
      listCharacterPets(services.db, { characterId }),
      listMountCustomizations(services.db, { characterId }),
    ]);
    return { owned, pets, mounts };
  },
  send({ session, services, characterId }, { owned, pets, mounts }) {
    const { data } = services;
    const ids = (type: string) => owned.filter((e) => e.collectibleType === type).map((e) => e.collectibleId);
    const progress = (kind: string, petId: number) => pets.find((p) => p.kind === kind && p.petId === petId);
    session.send(ServerCollection, {
      mounts: ids("mount").flatMap((id) => {
        const mount = data.mounts.get(id);
        return mount ? [{ mountId: id, spell4Id: mount.spellId }] : [];
      }),
      vanityPets: ids("vanity_pet").flatMap((id) => {
        const pet = data.vanityPets.get(id);
        return pet ? [{ petId: id, spell4Id: pet.spellId, nickname: progress("vanity_pet", id)?.nickname ?? "" }] : [];
      }),
      pets: ids("pet").map((id) => {
        const p = progress("pet", id);
        return { petId: id, level: p?.level ?? 1, xp: p?.xp ?? 0, nickname: p?.nickname ?? "" };
      }),
    });
    const customised = mounts.flatMap((c) => {
      const mount = data.mounts.get(c.mountId);
      return mount ? [{ mount, c }] : [];
    });
    const bits = ids("flair").flatMap((id) => {
      const flair = data.flair.get(id);
      return flair ? [flair.unlockBit] : [];
    });
    session.send(ServerPetCustomisationList, {
      unlockedFlair: unlockedFlairField(bits),
      customisations: customised.map(({ mount, c }) => petCustomisationOf(mount, c)),
    });
    for (const { mount, c } of customised) session.deliver(mountCustomisationPacket(mount, c));
    for (const mountId of ids("mount")) sendMountAbility(session, data, characterId, mountId);
  },
});
