// The embedded database's one-off cluster creation, as a process of its own (started by
// pglite-cluster.ts): `node pglite-init.js <dataDir>` creates PGlite's cluster in <dataDir>, which
// must not exist yet, then exits 0; on failure it prints the error to stderr and exits 1.
//
// PGlite creates a cluster with a second, in-memory PGlite and an initdb module next to the one it
// opens, and a thread that did so keeps their ~400 MB (WASM memories, the cluster's tarball, and
// the allocator's freed but unreturned pages) for its whole life. A process returns all of it.
import { PGlite } from "@electric-sql/pglite";

const dataDir = process.argv[2];
// The parent going away (killed while starting) ends this process too: its cluster is never used.
process.on("disconnect", () => process.exit(1));

try {
  if (!dataDir) throw new Error("usage: pglite-init <dataDir>");
  const pglite = await PGlite.create({ dataDir });
  await pglite.close();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
