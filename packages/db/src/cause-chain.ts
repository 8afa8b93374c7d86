// Drivers, Prisma and our own DbError wrap one another through `cause`: every check that reads an
// error's code or message walks the chain the same way, through this.

/**
 * `error` and its `cause`, its cause's cause and so on, as long as each is an object, at most
 * `depth` of them (a bound against a cycle). Never throws.
 */
export function causeChain(error: unknown, depth = 8): object[] {
  const chain: object[] = [];
  for (let e: unknown = error; chain.length < depth && typeof e === "object" && e !== null; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}
