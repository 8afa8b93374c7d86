import { handler } from "../types";

/**
 * The client walked into another zone (and says where it is after loading): the character's zone
 * becomes the new one, for zone chat and for the place saved. NexusForever reads it and does
 * nothing (`Handler/Misc/ClientZoneChangeHandler.cs`); the server has no zone map to work it out itself.
 */
export const clientZoneChange = handler("ClientZoneChange", {
  states: ["entering", "in-world"],
  handle({ session, services }, packet) {
    const character = session.requireCharacter();
    if (packet.newZoneId === character.zoneId) return;
    character.zoneId = packet.newZoneId;
    services.world.setZone(character.id, packet.newZoneId);
    const entry = services.presence.get(character.id);
    if (entry) services.presence.enter({ ...entry, zoneId: packet.newZoneId });
    session.logger.debug({ from: packet.previousZoneId, to: packet.newZoneId }, "zone changed");
  },
});
