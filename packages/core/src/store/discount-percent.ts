// The percent a promotion or a daily deal takes off. 0 % is no discount: a promotion or deal of 0 %
// would be listed and advertised while changing no price, so none is made (createPromotion,
// setDailyDeal and the CLI refuse it). Rows of 0 % written before this rule stay valid in the
// database (its CHECK still allows 0..100) and priceOffer ignores them.

/** The least percent a promotion or daily deal takes off: 1 (0 % is no discount). */
export const MIN_DISCOUNT_PERCENT = 1;

/** The most percent a promotion or daily deal takes off: 100 (free). */
export const MAX_DISCOUNT_PERCENT = 100;

/** Why 0 % is refused, after the field's name: "percent must be at least 1: ...". */
export const ZERO_DISCOUNT_MESSAGE = `must be at least ${MIN_DISCOUNT_PERCENT}: a 0 % discount is no discount (a promotion or daily deal takes ${MIN_DISCOUNT_PERCENT}..${MAX_DISCOUNT_PERCENT} % off)`;
