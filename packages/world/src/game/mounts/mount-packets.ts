import { mountPetType, mountSpeed, type MountCustomization } from "@bezgelor/core";
import type { Mount } from "@bezgelor/data";
import { ServerMountCustomisation, ServerPetCustomisation, type ServerPacketValues } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../../server/outgoing";

/** The genuine PetCustomisation of a mount: its PetType, its summon spell as object id, no name, the four flair slots. */
export function petCustomisationOf(mount: Mount, c: MountCustomization): ServerPacketValues["ServerPetCustomisation"]["customisation"] {
  return { petType: mountPetType(mount), petObjectId: mount.spellId, petName: "", slotFlairIds: [...c.flair] };
}

/** What the genuine packet cannot carry (dyes, upgrades, tricks, speed): the ServerMountCustomisation extension. */
export function mountCustomisationPacket(mount: Mount, c: MountCustomization): OutgoingPacket {
  return packet(ServerMountCustomisation, {
    spell4Id: mount.spellId,
    mountId: mount.id,
    dyes: [...c.dyes],
    upgrades: [...c.upgrades],
    tricks: [...c.tricks],
    speed: mountSpeed(mount, c.upgrades),
  });
}

/** Both packets that tell the owner a mount's customisation, genuine first. */
export function mountCustomisationPackets(mount: Mount, c: MountCustomization): OutgoingPacket[] {
  return [packet(ServerPetCustomisation, { customisation: petCustomisationOf(mount, c) }), mountCustomisationPacket(mount, c)];
}
