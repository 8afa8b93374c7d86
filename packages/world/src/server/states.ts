/**
 * A session's life: `connected` (hello sent, waiting for ClientHelloRealm), `authenticated`
 * (character screen), `entering` (world being loaded), `in-world`, `closed`.
 */
export const SESSION_STATES = ["connected", "authenticated", "entering", "in-world", "closed"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** Packets a character in the world may send. */
export const IN_WORLD = ["in-world"] as const satisfies readonly SessionState[];
/** Packets of the character screen. */
export const CHARACTER_SCREEN = ["authenticated"] as const satisfies readonly SessionState[];
/** Packets accepted at any time before the session closes. */
export const ANY_OPEN_STATE = ["connected", "authenticated", "entering", "in-world"] as const satisfies readonly SessionState[];
