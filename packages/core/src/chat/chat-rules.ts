import { unshownCharacter } from "../text/unshown-characters";

/**
 * Why a chat line is not text to show other players, or undefined when it is: not empty after
 * trimming, and no control character or bidirectional override (see `unshownCharacter`; a chat
 * line is one line, so a line break is refused too).
 */
export function chatTextProblem(text: string): string | undefined {
  if (text.trim().length === 0) return "the line is empty";
  const found = unshownCharacter(text);
  if (found !== undefined) return `the line holds ${found}, a control character`;
  return undefined;
}
