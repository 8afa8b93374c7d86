import { migrateDatabase } from "@bezgelor/db";
import { defineCommand } from "../command";

export const dbMigrate = defineCommand({
  path: ["db", "migrate"],
  role: "admin",
  summary: "apply pending database migrations (embedded or PostgreSQL)",
  options: {},
  printsData: true,
  async run(ctx) {
    const database = await ctx.openDatabase({ migrate: false });
    const result = await migrateDatabase({
      client: database.client,
      logger: ctx.logger,
      onProgress: (p) => {
        if (p.type === "pending") ctx.progress(`${p.names.length} pending migration(s)`);
        // `index` counts from 0; people count from 1.
        else if (p.type === "applying") ctx.progress(`[${p.index + 1}/${p.total}] applying ${p.name}`);
        else ctx.progress(`[${p.index + 1}/${p.total}] applied ${p.name} in ${p.durationMs} ms`);
      },
    });
    ctx.print(result, (r: typeof result) =>
      r.applied.length === 0 ? "database is up to date" : `applied ${r.applied.length} migration(s): ${r.applied.join(", ")}`,
    );
  },
});
