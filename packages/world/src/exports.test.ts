import { expect, it } from "vitest";
import * as api from "./index";

// Locks the runtime public surface: a change here is a change for every embedder of the server.
it("exports exactly the curated runtime API", () => {
  expect(Object.keys(api).sort()).toEqual([
    "ENV_VARS",
    "HeadlessClient",
    "LOG_LEVELS",
    "REPUTATION_SCALES",
    "RESULT_CODES",
    "ServerConfigSchema",
    "WORLD_ERROR_CODES",
    "WorldConfigSchema",
    "WorldError",
    "createLogger",
    "loadConfig",
    "resultCodeName",
    "runCli",
    "startWorldServer",
  ]);
});
