import { expect, it } from "vitest";
import * as api from "./index";

// Locks the runtime public surface: a change here is a change to every consumer.
it("exports exactly the curated runtime API", () => {
  expect(Object.keys(api).sort()).toEqual([
    "CORE_ERROR_CODE",
    "CoreError",
    "MAX_CHARACTERS_PER_ACCOUNT",
    "TITLE_REQUIREMENT_REASON",
    "TITLE_TRIGGER_TYPE",
    "VENDOR_REFUSAL",
    "applyStandingChange",
    "canBuy",
    "canInteract",
    "clampStanding",
    "discountedPrice",
    "meetsRequirement",
    "meetsTitleRequirements",
    "openVendor",
    "quoteVendorItem",
    "reputationLevel",
    "reputationLevelByName",
    "selectActiveTitle",
    "titleExpiresAt",
    "titleUnlocksFor",
    "vendorDiscountPercent",
  ]);
});
