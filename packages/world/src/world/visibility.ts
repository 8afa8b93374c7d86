/** What changed in what a viewer sees: units to create for it, and units to destroy. */
export interface VisibilityChange {
  readonly entered: number[];
  readonly left: number[];
}

/**
 * The difference between what a viewer saw and what it sees now (unit ids), each list in the order
 * of its source set. Pure.
 */
export function visibilityChange(before: ReadonlySet<number>, now: ReadonlySet<number>): VisibilityChange {
  const entered: number[] = [];
  const left: number[] = [];
  for (const id of now) if (!before.has(id)) entered.push(id);
  for (const id of before) if (!now.has(id)) left.push(id);
  return { entered, left };
}
