/**
 * Characters one account may hold on a realm. The character list advertises it to the client
 * (`ServerCharacterList.maxNumberCharacters`) and character creation enforces it. WildStar's
 * default was 12 per realm (NexusForever reads slots from the account's reward properties).
 */
export const MAX_CHARACTERS_PER_ACCOUNT = 12;
