import type { Ok, Refused } from "../result";

/** A pet nickname is 1 to 20 characters (issue 14). */
export const PET_NICKNAME_MAX_LENGTH = 20;

// Letters of any script, digits, single spaces, apostrophes and hyphens; no spaces at the ends.
const NICKNAME = /^[\p{L}\p{N}'-]+(?: [\p{L}\p{N}'-]+)*$/u;

/**
 * Checks a pet nickname: 1-20 characters (code points), letters, digits, apostrophes, hyphens and
 * single inner spaces. Refused `invalid-name` otherwise. Never throws.
 */
export function checkPetNickname(name: string): Ok<{ name: string }> | Refused<"invalid-name"> {
  const length = [...name].length;
  if (length < 1 || length > PET_NICKNAME_MAX_LENGTH || !NICKNAME.test(name)) return { ok: false, reason: "invalid-name" };
  return { ok: true, name };
}
