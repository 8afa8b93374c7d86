import { connect, type Socket } from "node:net";
import {
  CHAT_CHANNEL_TYPE,
  ClientChat,
  ClientCharacterList,
  ClientEntityCommand,
  ClientCharacterSelect,
  ClientCastSpell,
  ClientEnteredWorld,
  ClientEntitySelect,
  ClientHelloRealm,
  ClientPing,
  ClientPromoCodeRedeem,
  ClientStorefrontPurchaseAccount,
  ClientStorefrontPurchaseCharacter,
  ClientStorefrontRequestCatalog,
  ClientStorefrontRequestPurchaseHistory,
  ENTITY_COMMAND,
  ENTITY_TYPE,
  INVENTORY_LOCATION,
  STAT,
  PacketChannel,
  type ClientPacketDef,
  type PacketValue,
  type ReceivedPacket,
  type ServerPacketName,
  type ServerPacketValues,
} from "@bezgelor/protocol";
import { WorldError } from "../errors";
import { closeCode, closeReason } from "./close-reason";

/** A packet the client received, in arrival order. */
export type Received = ReceivedPacket<"client">;

/** A unit the client has been told about (ServerEntityCreate), with its latest movement. */
export interface SeenUnit {
  readonly unitId: number;
  /** EntityType (20 a player). */
  readonly type: number;
  /** A player's name, or "" for other units. */
  readonly name: string;
  /** A player's character id. */
  readonly characterId: bigint | undefined;
  /** A creature's (NonPlayer, MailBox) Creature2 id. */
  readonly creatureId: number | undefined;
  /** ServerEntityCreate's create flags (Vendor 0x04). */
  readonly createFlags: number;
  position: { x: number; y: number; z: number };
  yaw: number;
  /** Health as last created or updated (ServerEntityHealthUpdate). */
  health: number;
  /** Dead (ServerEntityDeathState, or an update to 0 marked dead). */
  dead: boolean;
  /** In combat (ServerUnitEnteredCombat). */
  inCombat: boolean;
  /** The unit it targets (ServerEntityTargetUnit), 0 for none. */
  targetId: number;
}

/** The entity commands of ClientEntityCommand. */
export type EntityCommands = PacketValue<typeof ClientEntityCommand>["commands"];

interface Waiter {
  names: ReadonlySet<ServerPacketName>;
  match: (packet: Received) => boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * How long the client waits for each answer by default: a server on a busy machine can take several
 * seconds to answer a login (the server itself allows 30 s, BEZGELOR_LOGIN_TIMEOUT), and 5 s made
 * the bot give up on logins the server went on to accept.
 */
export const DEFAULT_WAIT_MS = 15_000;

export interface ConnectOptions {
  host: string;
  port: number;
  /** How long each wait may take, in milliseconds (default {@link DEFAULT_WAIT_MS}). */
  timeoutMs?: number;
  onPacket?: (packet: Received) => void;
  /**
   * Send ClientPing this often, as the real client's keep-alive does, so the server's idle timeout
   * never closes a quiet session. Off when unset.
   */
  heartbeatMs?: number;
}

/** What opening the store sent: the balances, then the catalog (ServerStoreFinalise ends it). */
export interface StoreCatalog {
  currencies: ServerPacketValues["ServerAccountCurrencySet"];
  categories: ServerPacketValues["ServerStoreCategories"];
  offers: ServerPacketValues["ServerStoreOffers"];
}

/** A purchase as the client sends it: the price is the one the catalog showed for that currency id. */
export interface StorePurchase {
  offerId: number;
  /** The storefront currency id (`STORE_CURRENCY_ID`: NCoin 11, Omnibits 6, Credits 31). */
  currencyId: number;
  price: number;
  /** The client's id for this purchase: a retry sends the same one (0: none). */
  transactionId: number;
  categoryId?: number;
  /** Send ClientStorefrontPurchaseAccount as a gift to this character, with a note. */
  gift?: { characterId: number | bigint; realmId?: number; note?: string };
}

export interface LoginOptions {
  accountId: number;
  email: string;
  /** 32 hex digits, as `bezgelor session issue` prints it, or the 16 bytes. */
  sessionKey: string | Uint8Array;
}

/**
 * A headless WildStar client: speaks the same framing, PacketCrypt and packets as the real one,
 * logs in the way it does, and can send and await any packet. Used by the tests, the benchmark
 * and `bezgelor bot`.
 */
export class HeadlessClient {
  /** Every packet received so far, in order. */
  readonly log: Received[] = [];
  private readonly inbox: Received[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly channel = new PacketChannel({ role: "client", maxFrameSize: 16 * 1024 * 1024 });
  private closeError: WorldError | undefined;
  readonly closed: Promise<WorldError>;
  /** Units in sight, by unit id: created by ServerEntityCreate, moved by ServerEntityCommand, gone with ServerEntityDestroy. */
  readonly units = new Map<number, SeenUnit>();
  /** The player's own state as the last world entry sent it (ServerPlayerCreate: money, standings). */
  playerCreate: ServerPacketValues["ServerPlayerCreate"] | undefined;
  /** The player's own unit id (ServerPlayerChanged), once in a world. */
  unitId: number | undefined;
  /** The Ability bag: bag index of each ability item (ServerItemAdd), by its Spell4Base id. */
  readonly abilities = new Map<number, number>();
  /** XP gained since connecting (ServerExperienceGained). */
  xpGained = 0;
  private clock = 0;
  private castIds = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly options: ConnectOptions,
  ) {
    let markClosed!: (e: WorldError) => void;
    this.closed = new Promise((resolve) => (markClosed = resolve));
    socket.setNoDelay(true);
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", () => undefined);
    const heartbeat = options.heartbeatMs ? setInterval(() => this.send(ClientPing, {}), options.heartbeatMs) : undefined;
    heartbeat?.unref();
    socket.on("close", () => {
      clearInterval(heartbeat);
      this.closeError = new WorldError(closeCode(this.log), `the server closed the connection${closeReason(this.log)}`);
      for (const w of this.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(this.closeError);
      }
      markClosed(this.closeError);
    });
  }

  /**
   * Connects and waits for the server's ServerHello.
   * @throws WorldError DISCONNECTED / TIMEOUT, or the socket's connect error.
   */
  static async connect(options: ConnectOptions): Promise<HeadlessClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: options.host, port: options.port }, () => {
        s.off("error", reject);
        resolve(s);
      });
      s.once("error", reject);
    });
    const client = new HeadlessClient(socket, options);
    await client.waitFor("ServerHello");
    return client;
  }

  /** Sends any client packet, encrypted with the current key. */
  send<D extends ClientPacketDef>(def: D, value: PacketValue<D>): void {
    this.socket.write(this.channel.encode(def, value));
  }

  /** Sends raw bytes, for tests of framing and garbage. */
  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** Encodes a client packet without sending it, for tests that split or coalesce frames. */
  encode<D extends ClientPacketDef>(def: D, value: PacketValue<D>): Buffer {
    return this.channel.encode(def, value);
  }

  /**
   * Waits for the next packet called `name` (optionally one that `match` accepts), taking it out of
   * the inbox. Packets that arrived earlier count.
   * @throws WorldError TIMEOUT or DISCONNECTED.
   */
  async waitFor<N extends ServerPacketName>(
    name: N,
    match: (value: ServerPacketValues[N]) => boolean = () => true,
    timeoutMs = this.options.timeoutMs ?? DEFAULT_WAIT_MS,
  ): Promise<ServerPacketValues[N]> {
    const packet = await this.waitForAny([name], (p) => match(p.value as ServerPacketValues[N]), timeoutMs);
    return packet.value as ServerPacketValues[N];
  }

  /**
   * Waits for the next packet with any of `names` that `match` accepts, and says which it was.
   * @throws WorldError TIMEOUT or DISCONNECTED.
   */
  waitForAny(
    names: readonly ServerPacketName[],
    match: (packet: Received) => boolean = () => true,
    timeoutMs = this.options.timeoutMs ?? DEFAULT_WAIT_MS,
  ): Promise<Received> {
    const wanted = new Set(names);
    const index = this.inbox.findIndex((p) => wanted.has(p.name) && match(p));
    const found = index >= 0 ? this.inbox.splice(index, 1)[0] : undefined;
    if (found) return Promise.resolve(found);
    if (this.closeError) return Promise.reject(this.closeError);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        names: wanted,
        match,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new WorldError("TIMEOUT", `no ${names.join(" or ")} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Packets received but not yet taken by {@link waitFor}. */
  pending(name?: ServerPacketName): Received[] {
    return this.inbox.filter((p) => name === undefined || p.name === name);
  }

  /**
   * Stops taking bytes off the socket, as a client on a slow link or too busy to read: what the
   * server sends waits in the kernel's buffers until {@link resumeReading}. For tests.
   */
  pauseReading(): void {
    this.socket.pause();
  }

  /** Reads again after {@link pauseReading}. */
  resumeReading(): void {
    this.socket.resume();
  }

  /** Switches to the key derived from a session key, as `login` does after ClientHelloRealm. */
  rekey(sessionKey: string | Uint8Array): void {
    this.channel.rekey(typeof sessionKey === "string" ? Buffer.from(sessionKey, "hex") : sessionKey);
  }

  /** Logs in with a realm session key and rekeys, then asks for the character list (the real client's order). */
  async login(options: LoginOptions): Promise<ServerPacketValues["ServerCharacterList"]> {
    const key = typeof options.sessionKey === "string" ? Buffer.from(options.sessionKey, "hex") : Buffer.from(options.sessionKey);
    this.send(ClientHelloRealm, { accountId: options.accountId, sessionKey: key, unused: 0n, email: options.email, always3: 3 });
    this.channel.rekey(key);
    return this.characterList();
  }

  async characterList(): Promise<ServerPacketValues["ServerCharacterList"]> {
    this.send(ClientCharacterList, {});
    return this.waitFor("ServerCharacterList");
  }

  /**
   * Selects a character and completes the loading handshake as the genuine client does: waits for
   * ServerChangeWorld and the player's state (ServerPlayerCreate, the last packet of the load),
   * answers ClientEnteredWorld, then waits for movement control and ServerPlayerEnteredWorld.
   */
  async enterWorld(characterId: number | bigint): Promise<ServerPacketValues["ServerChangeWorld"]> {
    this.send(ClientCharacterSelect, { characterId: BigInt(characterId) });
    const world = await this.waitFor("ServerChangeWorld");
    this.playerCreate = await this.waitFor("ServerPlayerCreate");
    this.send(ClientEnteredWorld, { worldZoneId: 0 });
    await this.waitFor("ServerMovementControl");
    await this.waitFor("ServerPlayerEnteredWorld");
    return world;
  }

  /** Where the player's own unit is, as last created or moved. */
  get position(): { x: number; y: number; z: number } | undefined {
    return this.unitId === undefined ? undefined : this.units.get(this.unitId)?.position;
  }

  /** Sends entity commands for the unit the client controls, stamped with the client's clock (ms). */
  sendCommands(commands: EntityCommands, time = (this.clock += 125)): void {
    this.send(ClientEntityCommand, { time, commands });
  }

  /**
   * Walks the player's unit to `position` (and faces `yaw`), as the client reports movement:
   * position, rotation, velocity, move, state and mode. The own unit's known position follows.
   */
  move(position: { x: number; y: number; z: number }, yaw = 0): void {
    const zero = { x: 0, y: 0, z: 0 };
    this.sendCommands([
      { command: ENTITY_COMMAND.SetPosition, position, blend: false },
      { command: ENTITY_COMMAND.SetRotation, rotation: { x: yaw, y: 0, z: 0 }, blend: false },
      { command: ENTITY_COMMAND.SetVelocity, velocity: zero, blend: false },
      { command: ENTITY_COMMAND.SetMove, move: zero, blend: false },
      { command: ENTITY_COMMAND.SetState, state: 0 },
      { command: ENTITY_COMMAND.SetMode, mode: 0 },
    ]);
    const own = this.unitId === undefined ? undefined : this.units.get(this.unitId);
    if (own) own.position = position;
  }

  /** Selects a unit as the target (ClientEntitySelect; 0 clears it). */
  select(unitId: number): void {
    this.send(ClientEntitySelect, { unitId });
  }

  /**
   * Casts the ability item at `bagIndex` of the Ability bag (ClientCastSpell, button pressed, the
   * player's own unit as caster); by default the first ability, the basic attack. Returns the cast's client id.
   */
  cast(bagIndex = 0, casterId = this.unitId ?? 0): number {
    const clientUniqueId = ++this.castIds;
    this.send(ClientCastSpell, { clientUniqueId, bagIndex, casterId, buttonPressed: true });
    return clientUniqueId;
  }

  /** Says something in the zone (a `!` prefix makes it a GM command). */
  say(text: string, chatMessageId = 1): void {
    this.send(ClientChat, { channel: { type: CHAT_CHANNEL_TYPE.Say, chatId: 0n }, message: text, formats: [], chatMessageId });
  }

  /**
   * Opens the store (ClientStorefrontRequestCatalog) and waits for ServerStoreFinalise; returns the
   * ServerAccountCurrencySet, ServerStoreCategories and ServerStoreOffers that came with it (taken
   * out of the inbox, so an earlier balance packet is not mistaken for them).
   * @throws WorldError TIMEOUT or DISCONNECTED; an Error when a packet of the answer is missing.
   */
  async openStore(): Promise<StoreCatalog> {
    const mark = this.log.length;
    this.send(ClientStorefrontRequestCatalog, { unknown0: 0 });
    await this.waitFor("ServerStoreFinalise");
    const answer = this.log.slice(mark);
    const take = <N extends "ServerAccountCurrencySet" | "ServerStoreCategories" | "ServerStoreOffers">(name: N): ServerPacketValues[N] => {
      const packet = answer.find((p) => p.name === name);
      if (!packet) throw new Error(`the store sent no ${name}`);
      const at = this.inbox.indexOf(packet);
      if (at >= 0) this.inbox.splice(at, 1);
      return packet.value as ServerPacketValues[N];
    };
    return { currencies: take("ServerAccountCurrencySet"), categories: take("ServerStoreCategories"), offers: take("ServerStoreOffers") };
  }

  /**
   * Buys an offer (ClientStorefrontPurchaseCharacter, or ClientStorefrontPurchaseAccount for a
   * gift) and waits for ServerStorePurchaseResult.
   * @throws WorldError TIMEOUT or DISCONNECTED.
   */
  async buy(request: StorePurchase): Promise<ServerPacketValues["ServerStorePurchaseResult"]> {
    const purchase = {
      offerId: request.offerId,
      currencyId: request.currencyId,
      price: request.price,
      unknown0: 0,
      categoryId: request.categoryId ?? 0,
      target: { realmId: 0, characterId: 0n },
      transactionId: request.transactionId,
    };
    if (request.gift) {
      const { characterId, realmId = 1, note = "" } = request.gift;
      this.send(ClientStorefrontPurchaseAccount, { purchase, unknown1: 0, recipient: { realmId, characterId: BigInt(characterId) }, note });
    } else {
      this.send(ClientStorefrontPurchaseCharacter, { purchase });
    }
    return this.waitFor("ServerStorePurchaseResult");
  }

  /** Asks for the purchase history (ClientStorefrontRequestPurchaseHistory) and waits for it. */
  async purchaseHistory(): Promise<ServerPacketValues["ServerStorePurchaseHistory"]> {
    this.send(ClientStorefrontRequestPurchaseHistory, {});
    return this.waitFor("ServerStorePurchaseHistory");
  }

  /** Redeems a promo code with the extension ClientPromoCodeRedeem and waits for ServerPromoCodeResult. */
  async redeemCode(code: string): Promise<ServerPacketValues["ServerPromoCodeResult"]> {
    this.send(ClientPromoCodeRedeem, { code });
    return this.waitFor("ServerPromoCodeResult");
  }

  /** Closes the connection and waits until it is closed. */
  async close(): Promise<void> {
    this.socket.end();
    await this.closed;
  }

  /** Keeps {@link units} and {@link unitId} up to date from what the server sends. */
  private track(p: Received): void {
    if (p.name === "ServerEntityCreate") {
      const v = p.value;
      const at = v.commands.find((c) => c.command === ENTITY_COMMAND.SetPosition);
      const turn = v.commands.find((c) => c.command === ENTITY_COMMAND.SetRotation);
      this.units.set(v.unitId, {
        unitId: v.unitId,
        type: v.entity.type,
        name: v.entity.type === ENTITY_TYPE.Player ? v.entity.name : "",
        characterId: v.entity.type === ENTITY_TYPE.Player ? v.entity.characterId : undefined,
        creatureId: v.entity.type === ENTITY_TYPE.Player ? undefined : v.entity.creatureId,
        createFlags: v.createFlags,
        position: at && "position" in at ? at.position : { x: 0, y: 0, z: 0 },
        yaw: turn && "rotation" in turn ? turn.rotation.x : 0,
        health: v.stats.find((st) => st.stat === STAT.Health)?.value.value ?? 0,
        dead: false,
        inCombat: false,
        targetId: 0,
      });
    } else if (p.name === "ServerEntityDestroy") {
      this.units.delete(p.value.unitId);
    } else if (p.name === "ServerPlayerChanged") {
      this.unitId = p.value.unitId;
    } else if (p.name === "ServerEntityCommand") {
      const v = p.value;
      const unit = this.units.get(v.unitId);
      for (const c of v.commands) {
        if (unit && c.command === ENTITY_COMMAND.SetPosition) unit.position = c.position;
        if (unit && c.command === ENTITY_COMMAND.SetRotation) unit.yaw = c.rotation.x;
      }
    } else if (p.name === "ServerEntityHealthUpdate") {
      const unit = this.units.get(p.value.unitId);
      if (unit) {
        unit.health = p.value.health;
        unit.dead = p.value.health === 0 && p.value.dead;
      }
    } else if (p.name === "ServerEntityDeathState") {
      const unit = this.units.get(p.value.unitId);
      if (unit) unit.dead = p.value.dead;
    } else if (p.name === "ServerUnitEnteredCombat") {
      const unit = this.units.get(p.value.unitId);
      if (unit) unit.inCombat = p.value.inCombat;
    } else if (p.name === "ServerEntityTargetUnit") {
      const unit = this.units.get(p.value.unitId);
      if (unit) unit.targetId = p.value.newTargetId;
    } else if (p.name === "ServerItemAdd") {
      const { item } = p.value.inventoryItem;
      if (item.location.location === INVENTORY_LOCATION.Ability) this.abilities.set(item.itemId, item.location.bagIndex);
    } else if (p.name === "ServerExperienceGained") {
      this.xpGained += p.value.totalXpGained;
    } else if (p.name === "ServerLogout") {
      this.units.clear();
      this.unitId = undefined;
    }
  }

  private onData(chunk: Buffer): void {
    let packets: Received[];
    try {
      packets = this.channel.push(chunk);
    } catch (error) {
      this.socket.destroy(error as Error);
      return;
    }
    for (const packet of packets) {
      this.log.push(packet);
      this.track(packet);
      this.options.onPacket?.(packet);
      const index = this.waiters.findIndex((w) => w.names.has(packet.name) && w.match(packet));
      const waiter = index >= 0 ? this.waiters.splice(index, 1)[0] : undefined;
      if (waiter) {
        clearTimeout(waiter.timer);
        waiter.resolve(packet);
      } else {
        this.inbox.push(packet);
      }
    }
  }
}
