import { z } from "zod";
import { maxOfBits, wireIdSchema } from "./wire";

/**
 * What a spell does when cast, which decides how the world server runs it (one handler per kind):
 * `basicAttack` strikes the caster's selected target for damage (core `basicAttackDamage`);
 * `mount` summons a mount of the collection and seats the caster on it.
 */
export const SPELL_KINDS = ["basicAttack", "mount"] as const;

/** A kind of spell. */
export type SpellKind = (typeof SPELL_KINDS)[number];

/** Farthest any spell reaches, metres (the vision range: nothing farther is seen). */
export const MAX_SPELL_RANGE = 128;

const spellBase = {
  /** The Spell4Base id: the ability item's id in the Ability bag and the spell list's entry. */
  id: wireIdSchema("spell4BaseId"),
  /** The Spell4 id of the tier cast (ServerSpellStart, ServerSpellCastResult). */
  spell4Id: wireIdSchema("spell4Id"),
  name: z.string().min(1),
  /** Every character knows it from creation (an ability item and a spell list entry on entering). */
  starter: z.boolean().default(false),
  /**
   * The spell's own cooldown, ms: after it goes off it is refused (SpellCooldown) for this long, and
   * the caster is told (ServerCooldown). 0: none. NexusForever reads it from Spell4 `SpellCoolDown`.
   */
  cooldownMs: z.int().nonnegative().max(maxOfBits(32)).default(0),
  /**
   * The global cooldown it starts, ms: a spell with a non-zero value, once it goes off, refuses every
   * spell with a non-zero value (SpellGlobalCooldown) for this long; 0: off the global cooldown
   * (neither starts nor waits for it). NexusForever reads it from Spell4GlobalCooldown, named by
   * Spell4 `GlobalCooldownEnum`.
   */
  globalCooldownMs: z.int().nonnegative().max(maxOfBits(32)).default(0),
};

/**
 * A basic attack: `range` metres to the selected target (3-D), one Spell4Effects entry
 * (`effectId`, sent with the damage in ServerSpellGo) dealing `damage.base + damage.perLevel ×
 * caster level` before the level difference (core `basicAttackDamage`).
 */
const basicAttackSchema = z.strictObject({
  ...spellBase,
  kind: z.literal("basicAttack"),
  range: z.number().positive().max(MAX_SPELL_RANGE),
  effectId: wireIdSchema("spell4EffectId"),
  damage: z.strictObject({
    base: z.int().nonnegative().max(maxOfBits(16)),
    perLevel: z.int().nonnegative().max(maxOfBits(16)),
  }),
});

/**
 * A mount's summon ability: `mountId` names the mount (`mounts.json`), whose `spellId` is this
 * spell's `spell4Id` and whose `abilityItemId` is this spell's id (the ability item's id is the
 * Spell4Base id). Cast only by characters whose collection holds the mount.
 */
const mountSpellSchema = z.strictObject({
  ...spellBase,
  kind: z.literal("mount"),
  mountId: z.int().positive(),
});

/**
 * A spell a character can cast from its Ability bag (`ClientCastSpell` names the bag index). A new
 * kind is a schema here with its `kind`, an entry in {@link SPELL_KINDS}, and its handler in the
 * world server.
 */
export const spellSchema = z.discriminatedUnion("kind", [basicAttackSchema, mountSpellSchema]);

/** A spell. */
export type Spell = z.output<typeof spellSchema>;

/** A spell of one kind. */
export type SpellOf<K extends SpellKind> = Extract<Spell, { kind: K }>;
