import { t } from "../../schema/types";
import { position } from "./geometry";

/**
 * Entity command ids, 5 bits on the wire (NexusForever
 * `Source/NexusForever.Game.Static/Entity/Movement/Command/EntityCommand.cs`). Only the commands
 * modelled by {@link entityCommand} are listed: the key-framed and spline commands (3-7, 9, 12,
 * 15-20, 23, 25, 28) are not.
 */
export const ENTITY_COMMAND = {
  SetTime: 0,
  SetPlatform: 1,
  SetPosition: 2,
  SetVelocity: 8,
  SetVelocityDefaults: 10,
  SetMove: 11,
  SetMoveDefaults: 13,
  SetRotation: 14,
  SetRotationDefaults: 21,
  SetScale: 22,
  SetState: 24,
  SetStateDefault: 26,
  SetMode: 27,
  SetModeDefault: 29,
} as const;

/**
 * Movement state flags of `SetState` (NexusForever `Game.Static/Entity/Movement/Command/State/StateFlags.cs`).
 */
export const ENTITY_STATE_FLAG = {
  Velocity: 0x1,
  Move: 0x2,
  Jump: 0x40,
  DoubleJump: 0x800,
  RollForward: 0x1000,
  RollBackward: 0x2000,
} as const;

/** Movement modes of `SetMode` (NexusForever `Game.Static/Entity/Movement/Command/Mode/ModeType.cs`). */
export const ENTITY_MODE = { Walk: 0, Swim: 1, Slide: 2, Free: 3 } as const;

/** Three of the client's packed 16-bit floats (NexusForever `WritePackedVector3`). */
const packedVector = t.struct({ x: t.f16, y: t.f16, z: t.f16 });

/**
 * One entity command: a 5-bit {@link ENTITY_COMMAND} id, then its model (NexusForever
 * `Source/NexusForever.Network.World/Entity/Command/Set*Command.cs`). Positions and rotations are
 * 3 × f32 (rotation x is the yaw, radians; y is up); velocity, move and scale are packed 16-bit
 * floats; state and mode are 32 bits. An unmodelled command id is `UNKNOWN_VARIANT`.
 */
export const entityCommand = t.union({
  key: "command",
  tag: t.uint(5),
  variants: {
    [ENTITY_COMMAND.SetTime]: { time: t.u32 },
    [ENTITY_COMMAND.SetPlatform]: { unitId: t.u32 },
    [ENTITY_COMMAND.SetPosition]: { position, blend: t.bool },
    [ENTITY_COMMAND.SetVelocity]: { velocity: packedVector, blend: t.bool },
    [ENTITY_COMMAND.SetVelocityDefaults]: { blend: t.bool },
    [ENTITY_COMMAND.SetMove]: { move: packedVector, blend: t.bool },
    [ENTITY_COMMAND.SetMoveDefaults]: { blend: t.bool },
    [ENTITY_COMMAND.SetRotation]: { rotation: position, blend: t.bool },
    [ENTITY_COMMAND.SetRotationDefaults]: { blend: t.bool },
    [ENTITY_COMMAND.SetScale]: { scale: t.f16, blend: t.bool },
    [ENTITY_COMMAND.SetState]: { state: t.u32 },
    [ENTITY_COMMAND.SetStateDefault]: { strafe: t.bool },
    [ENTITY_COMMAND.SetMode]: { mode: t.u32 },
    [ENTITY_COMMAND.SetModeDefault]: { unused: t.bool },
  },
});
