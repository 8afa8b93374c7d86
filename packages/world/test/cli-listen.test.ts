// `bezgelor serve` that cannot listen: one line naming what to change, and its exit code (a
// fresh-user tester got Node's stack and exit 1 for a port in use, and a bad host blamed on the
// database with exit 5), said before the database is opened (a new embedded directory takes
// seconds to create and migrate).
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const harness = cliHarness("cli-listen");

/** Runs `serve` with these settings on top of the harness's environment; `opened` says whether it opened the database. */
async function serve(settings: Record<string, string>) {
  Object.assign(harness.env, { BEZGELOR_STORE_JOURNAL: join(harness.dir, "journal.jsonl"), ...settings });
  let stderr = "";
  let opened = false;
  const code = await harness.run(["serve"], {
    stderr: (text) => (stderr += text),
    openDatabase: (options) => {
      opened = true;
      return harness.open(options);
    },
  });
  return { code, stderr, opened };
}

afterEach(() => {
  delete harness.env.BEZGELOR_HOST;
  delete harness.env.BEZGELOR_PORT;
});

describe("serve that cannot listen", () => {
  it("a port in use: exit 5 (unavailable), one line naming the address and the setting", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const result = await serve({ BEZGELOR_HOST: "127.0.0.1", BEZGELOR_PORT: String(port) });
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(
        new RegExp(`^error: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use \\(EADDRINUSE\\); .*BEZGELOR_PORT.* \\[UNAVAILABLE\\]$`, "m"),
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.opened).toBe(false);
    } finally {
      holder.close();
    }
  });

  it.each([["999.1.1.1"], ["nonsense.invalid"], ["192.0.2.1"]])(
    "host %s, not an address of this machine: exit 2 naming server.host, not the database",
    async (host) => {
      const result = await serve({ BEZGELOR_HOST: host, BEZGELOR_PORT: "0" });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `^error: server\\.host: cannot listen on ${host.replace(/\./g, "\\.")}: (not an address of this machine|the name does not resolve) \\(E[A-Z_]+\\); .* \\[CONFIG_INVALID\\]$`,
          "m",
        ),
      );
      expect(result.stderr).not.toMatch(/database/);
      expect(result.opened).toBe(false);
    },
  );
});
