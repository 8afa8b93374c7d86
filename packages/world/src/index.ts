/**
 * `@bezgelor/world`: the WildStar world server, its sessions and handlers, the headless client and
 * the admin CLI.
 * @packageDocumentation
 */
export { loadConfig, ENV_VARS } from "./config/load";
export { WorldConfigSchema, ServerConfigSchema, LOG_LEVELS, REPUTATION_SCALES, type WorldConfig, type ServerConfig } from "./config/schema";
export { WORLD_ERROR_CODES, WorldError, type WorldErrorCode } from "./errors";
export { createLogger, type Logger } from "./logging";
export { startWorldServer, type WorldServer, type WorldServerOptions } from "./server/world-server";
export { RESULT_CODES, resultCodeName, type ResultCodeName } from "./server/result-codes";
export { HeadlessClient, type ConnectOptions, type LoginOptions, type Received, type StoreCatalog, type StorePurchase } from "./client/headless-client";
export { runCli, type CliIo } from "./cli/main";
