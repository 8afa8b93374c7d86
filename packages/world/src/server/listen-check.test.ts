import { createServer, type AddressInfo, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WorldError } from "../errors";
import { checkCanListen } from "./listen-check";

const servers: Server[] = [];

async function listening(port: number, host = "127.0.0.1"): Promise<Server> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("checkCanListen", () => {
  it("refuses a port in use with UNAVAILABLE naming the address", async () => {
    const { port } = (await listening(0)).address() as AddressInfo;
    const refusal = await checkCanListen("127.0.0.1", port).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WorldError);
    expect(refusal).toMatchObject({ code: "UNAVAILABLE", details: { host: "127.0.0.1", port, errno: "EADDRINUSE" } });
  });

  it("refuses a host that is not this machine's with CONFIG_INVALID", async () => {
    await expect(checkCanListen("192.0.2.1", 0)).rejects.toMatchObject({ code: "CONFIG_INVALID", details: { errno: "EADDRNOTAVAIL" } });
  });

  it("lets go of a free port, so the server can listen on it next", async () => {
    const { port } = (await listening(0)).address() as AddressInfo;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await checkCanListen("127.0.0.1", port);
    await expect(listening(port)).resolves.toBeDefined();
  });

  it("accepts port 0 (any free port)", async () => {
    await expect(checkCanListen("127.0.0.1", 0)).resolves.toBeUndefined();
  });
});
