// What a store grant still gives someone who may own parts of it already. A mount, pet or title
// owned is not granted again (nor charged for when it is all an offer grants); items and currency
// always are.
import type { StoreGrant } from "@bezgelor/data";

/** What the buyer (or recipient) owns that a grant could duplicate. */
export interface StoreOwnership {
  readonly mounts: ReadonlySet<number>;
  readonly pets: ReadonlySet<number>;
  readonly titles: ReadonlySet<number>;
}

/** The grants split into what would be new and what is owned already. */
export interface GrantPlan {
  readonly missing: readonly StoreGrant[];
  readonly owned: readonly StoreGrant[];
}

/** True when the grant is a mount, pet or title the owner already has. */
export function isGrantOwned(grant: StoreGrant, owns: StoreOwnership): boolean {
  switch (grant.kind) {
    case "mount":
      return owns.mounts.has(grant.mountId);
    case "pet":
      return owns.pets.has(grant.petId);
    case "title":
      return owns.titles.has(grant.titleId);
    case "item":
    case "currency":
      return false;
  }
}

/**
 * Splits an offer's grants into the missing and the owned. An offer is refused as already owned
 * when `missing` is empty; a bundle grants only `missing`, and its preview says what is owned.
 */
export function planGrants(grants: readonly StoreGrant[], owns: StoreOwnership): GrantPlan {
  const missing: StoreGrant[] = [];
  const owned: StoreGrant[] = [];
  for (const grant of grants) (isGrantOwned(grant, owns) ? owned : missing).push(grant);
  return { missing, owned };
}
