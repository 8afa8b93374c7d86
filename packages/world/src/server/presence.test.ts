import { describe, expect, it } from "vitest";
import { Presence, type PresencePeer } from "./presence";

function peer(): PresencePeer<string> & { got: string[]; closed: boolean } {
  const got: string[] = [];
  return { got, closed: false, deliver: (p) => got.push(p) };
}

describe("Presence", () => {
  it("sends to one character and broadcasts to a zone, optionally not to the sender", () => {
    const presence = new Presence<string>();
    const [a, b, c] = [peer(), peer(), peer()];
    presence.enter({ characterId: 1, accountId: 1, name: "A", worldId: 870, zoneId: 1, peer: a });
    presence.enter({ characterId: 2, accountId: 2, name: "B", worldId: 870, zoneId: 1, peer: b });
    presence.enter({ characterId: 3, accountId: 3, name: "C", worldId: 870, zoneId: 2, peer: c });
    expect(presence.sendTo(2, "hi")).toBe(true);
    expect(presence.sendTo(9, "nobody")).toBe(false);
    expect(presence.broadcastZone(870, 1, "zone", { except: 1 })).toBe(1);
    expect(presence.broadcastZone(870, 1, "all")).toBe(2);
    expect([a.got, b.got, c.got]).toEqual([["all"], ["hi", "zone", "all"], []]);
  });

  it("forgets a character that leaves, and moves one that enters again", () => {
    const presence = new Presence<string>();
    const a = peer();
    presence.enter({ characterId: 1, accountId: 1, name: "A", worldId: 1, zoneId: 1, peer: a });
    presence.enter({ characterId: 1, accountId: 1, name: "A", worldId: 1, zoneId: 2, peer: a });
    expect(presence.inZone(1, 1)).toEqual([]);
    expect(presence.inZone(1, 2).map((e) => e.characterId)).toEqual([1]);
    presence.leave(1);
    presence.leave(1);
    expect(presence.size).toBe(0);
  });

  it("never enters a closed peer, and leavePeer removes whatever a peer published", () => {
    const presence = new Presence<string>();
    const [a, b] = [peer(), peer()];
    expect(presence.enter({ characterId: 1, accountId: 1, name: "A", worldId: 1, zoneId: 1, peer: a })).toBe(true);
    expect(presence.enter({ characterId: 2, accountId: 1, name: "A2", worldId: 1, zoneId: 2, peer: a })).toBe(true);
    expect(presence.enter({ characterId: 3, accountId: 2, name: "B", worldId: 1, zoneId: 1, peer: b })).toBe(true);
    presence.leavePeer(a);
    expect(presence.inZone(1, 1).map((e) => e.characterId)).toEqual([3]);
    expect(presence.size).toBe(1);
    b.closed = true;
    presence.leavePeer(b);
    expect(presence.enter({ characterId: 3, accountId: 2, name: "B", worldId: 1, zoneId: 1, peer: b })).toBe(false);
    expect(presence.size).toBe(0);
  });
});
