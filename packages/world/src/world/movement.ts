// What a client may do to the unit it steers, checked before anything is applied. Pure: the
// caller passes the time that passed and what the mover can see. NexusForever applies the same
// commands (`Source/NexusForever.Game/Entity/Movement/MovementManager.cs` HandleClientEntityCommands)
// without checks; the bounds and the speed budget here are this server's.
import { WORLD_HALF_EXTENT } from "@bezgelor/data";
import { ENTITY_COMMAND, type ClientPacketValues } from "@bezgelor/protocol";
import type { Vec3 } from "./grid";

/** One command of ClientEntityCommand. */
export type EntityCommandValue = ClientPacketValues["ClientEntityCommand"]["commands"][number];

/** Where a unit is and how it moves: the state ServerEntityCreate and ServerEntityCommand carry. */
export interface MovementState {
  readonly position: Vec3;
  /** Radians; x is the yaw. */
  readonly rotation: Vec3;
  readonly velocity: Vec3;
  readonly move: Vec3;
  /** StateFlags (ENTITY_STATE_FLAG). */
  readonly state: number;
  /** ModeType (ENTITY_MODE). */
  readonly mode: number;
  /** The unit it stands on, 0 for none. */
  readonly platform: number;
}

/** A unit standing still at `position` facing `yaw`. */
export function standingAt(position: Vec3, yaw: number): MovementState {
  const zero = { x: 0, y: 0, z: 0 };
  return { position, rotation: { x: yaw, y: 0, z: 0 }, velocity: zero, move: zero, state: 0, mode: 0, platform: 0 };
}

/** The speed limit and how much of it a mover may save up. */
export interface MovementLimits {
  /** Horizontal metres per second no mover exceeds (the sanity limit). */
  readonly maxSpeed: number;
  /** Seconds of travel at maxSpeed a mover may cover at once (late, bunched packets): the budget's cap. */
  readonly burstSeconds: number;
}

/** Fastest a unit may fall or rise, m/s, as a velocity the client reports: far beyond any real fall. */
export const MAX_VERTICAL_SPEED = 200;
/** Largest rotation angle accepted, radians (the client sends angles a little past ±π). */
export const MAX_ANGLE = 4 * Math.PI;
/** Every StateFlags bit NexusForever knows (0x1..0x2000). */
const KNOWN_STATE_BITS = 0x3fff;
/** ModeType: Walk 0 .. Free 3. */
const MAX_MODE = 3;

/** What {@link applyClientCommands} decided. */
export type MovementOutcome =
  { readonly ok: true; readonly next: MovementState; readonly budget: number; readonly moved: boolean } | { readonly ok: false; readonly reason: string };

/** What {@link applyClientCommands} needs besides the commands. */
export interface MovementContext {
  readonly current: MovementState;
  /** Metres the mover may still travel horizontally now (see {@link refillBudget}). */
  readonly budget: number;
  readonly limits: MovementLimits;
  /** Whether the mover can stand on this unit (one it sees). */
  canStandOn(unitId: number): boolean;
}

/** The budget after `elapsedMs` more: refilled at maxSpeed, capped at burstSeconds of it. */
export function refillBudget(budget: number, elapsedMs: number, limits: MovementLimits): number {
  const cap = limits.maxSpeed * limits.burstSeconds;
  return Math.min(cap, budget + (limits.maxSpeed * Math.max(0, elapsedMs)) / 1000);
}

const finite = (v: Vec3) => Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.z);
const within = (v: Vec3, bound: number) => Math.abs(v.x) <= bound && Math.abs(v.y) <= bound && Math.abs(v.z) <= bound;

function checkSpeedVector(v: Vec3, what: string, limits: MovementLimits): string | undefined {
  if (!finite(v)) return `${what} is not a number`;
  if (Math.hypot(v.x, v.z) > limits.maxSpeed) return `${what} ${Math.hypot(v.x, v.z).toFixed(1)} m/s is over the ${limits.maxSpeed} m/s limit`;
  if (Math.abs(v.y) > MAX_VERTICAL_SPEED) return `vertical ${what} ${Math.abs(v.y).toFixed(1)} m/s is over ${MAX_VERTICAL_SPEED} m/s`;
  return undefined;
}

/**
 * Applies a ClientEntityCommand's commands to the mover's state, all or nothing. Applied: position,
 * rotation, velocity, move, state, mode and platform (what NexusForever applies); SetTime and the
 * default/scale commands change nothing. Refused, with the reason, when a value is not a finite
 * number or out of bounds (positions within the world's ±32768 m, angles within ±4π, speeds within
 * the limits, known state bits and modes), when the platform is a unit the mover cannot see, or
 * when the horizontal distance travelled exceeds the budget (falling costs nothing, rising does).
 */
export function applyClientCommands(commands: readonly EntityCommandValue[], ctx: MovementContext): MovementOutcome {
  let next: MovementState = ctx.current;
  const refuse = (reason: string): MovementOutcome => ({ ok: false, reason });
  for (const c of commands) {
    switch (c.command) {
      case ENTITY_COMMAND.SetPosition:
        if (!finite(c.position)) return refuse("position is not a number");
        if (!within(c.position, WORLD_HALF_EXTENT)) return refuse(`position is outside the world (±${WORLD_HALF_EXTENT} m)`);
        next = { ...next, position: c.position };
        break;
      case ENTITY_COMMAND.SetRotation:
        if (!finite(c.rotation) || !within(c.rotation, MAX_ANGLE)) return refuse("rotation is not an angle");
        next = { ...next, rotation: c.rotation };
        break;
      case ENTITY_COMMAND.SetVelocity: {
        const bad = checkSpeedVector(c.velocity, "velocity", ctx.limits);
        if (bad) return refuse(bad);
        next = { ...next, velocity: c.velocity };
        break;
      }
      case ENTITY_COMMAND.SetMove: {
        const bad = checkSpeedVector(c.move, "move", ctx.limits);
        if (bad) return refuse(bad);
        next = { ...next, move: c.move };
        break;
      }
      case ENTITY_COMMAND.SetState:
        if ((c.state & ~KNOWN_STATE_BITS) !== 0) return refuse(`unknown state flags 0x${c.state.toString(16)}`);
        next = { ...next, state: c.state };
        break;
      case ENTITY_COMMAND.SetMode:
        if (c.mode > MAX_MODE) return refuse(`unknown mode ${c.mode}`);
        next = { ...next, mode: c.mode };
        break;
      case ENTITY_COMMAND.SetPlatform:
        if (c.unitId !== 0 && !ctx.canStandOn(c.unitId)) return refuse(`platform ${c.unitId} is not a unit the mover sees`);
        next = { ...next, platform: c.unitId };
        break;
      default:
        // SetTime (NexusForever's check of it is a TODO), the defaults and scale: nothing to apply.
        break;
    }
  }
  const from = ctx.current.position;
  const to = next.position;
  const cost = Math.hypot(to.x - from.x, to.z - from.z) + Math.max(0, to.y - from.y);
  if (cost > ctx.budget + 1e-6) {
    return refuse(`moved ${cost.toFixed(1)} m with ${ctx.budget.toFixed(1)} m allowed at ${ctx.limits.maxSpeed} m/s`);
  }
  return { ok: true, next, budget: ctx.budget - cost, moved: cost > 0 || to.y !== from.y };
}
