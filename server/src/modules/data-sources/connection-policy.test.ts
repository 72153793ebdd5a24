import { describe, expect, it } from "vitest";
import { SqlSandboxError } from "../../sql/errors.ts";
import { createConnectionPolicy, type ConnectionPolicyOptions, type ConnectionTarget } from "./connection-policy.ts";

/** Names the tests control, as a DNS server an attacker runs would answer them. */
const names: Record<string, string[]> = {
  "db.example.com": ["93.184.216.34"],
  "rebind.example.com": ["127.0.0.1"],
  "mixed.example.com": ["93.184.216.34", "10.0.0.7"],
  "mapped.example.com": ["::ffff:127.0.0.1"],
  "appdb.internal": ["10.1.2.3"],
  "v6.example.com": ["2606:4700::6810:85e5"],
};
const resolve = async (host: string) => {
  const found = names[host] ?? (host === "localhost" ? ["127.0.0.1", "::1"] : undefined);
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found;
};

function policy(options: Partial<ConnectionPolicyOptions> = {}) {
  return createConnectionPolicy({ allowedHosts: [], resolve, ...options });
}

async function outcome(p: ReturnType<typeof policy>, target: Partial<ConnectionTarget> & { host: string }, trusted = false): Promise<string> {
  try {
    return await p.check({ port: 5432, database: "shop", ...target }, { trusted });
  } catch (error) {
    return error instanceof SqlSandboxError ? error.code : `untyped: ${String(error)}`;
  }
}

describe("connection policy", () => {
  it("lets public addresses through and answers with the address it checked", async () => {
    const p = policy();
    expect(await outcome(p, { host: "db.example.com" })).toBe("93.184.216.34");
    expect(await outcome(p, { host: "93.184.216.34" })).toBe("93.184.216.34");
    expect(await outcome(p, { host: "v6.example.com" })).toBe("2606:4700::6810:85e5");
  });

  it("refuses loopback, private, link-local and other non-public addresses, however they are written", async () => {
    const p = policy();
    const hosts = [
      "127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST.", "::1", "[::1]", "0.0.0.0", "::",
      "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fe80::1", "fd00::1", "::ffff:10.0.0.1",
      "224.0.0.1", "255.255.255.255", "192.0.2.10", "64:ff9b::a00:1",
      "rebind.example.com", "mapped.example.com", "mixed.example.com",
    ];
    const results = await Promise.all(hosts.map(async (host) => [host, await outcome(p, { host })]));
    expect(results).toEqual(hosts.map((host) => [host, "DATA_SOURCE_HOST_NOT_ALLOWED"]));
    expect(await outcome(p, { host: "/var/run/postgresql" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
  });

  it("lets an administrator allow hosts by name, address, CIDR range or socket directory", async () => {
    const p = policy({ allowedHosts: ["localhost", "10.0.0.0/8", "::1", "/var/run/postgresql/", "169.254.1.1"] });
    expect(await outcome(p, { host: "localhost" })).toBe("127.0.0.1");
    expect(await outcome(p, { host: "10.20.30.40" })).toBe("10.20.30.40");
    expect(await outcome(p, { host: "mixed.example.com" })).toBe("93.184.216.34");
    expect(await outcome(p, { host: "[::1]" })).toBe("::1");
    expect(await outcome(p, { host: "/var/run/postgresql" })).toBe("/var/run/postgresql");
    expect(await outcome(p, { host: "169.254.1.1" })).toBe("169.254.1.1");
    // Listing one name or range allows nothing else.
    expect(await outcome(p, { host: "127.0.0.1" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "rebind.example.com" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "192.168.0.1" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "169.254.169.254" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "/tmp" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
  });

  it("always refuses the app's own database, on the same server under any spelling, even when allowed or trusted", async () => {
    const p = policy({
      appDatabaseUrl: "postgresql://postgres@127.0.0.1:5432/agentmedha",
      allowedHosts: ["127.0.0.1", "localhost", "::1", "/var/run/postgresql", "/tmp"],
    });
    const own = ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2", "0.0.0.0", "/var/run/postgresql", "/tmp", "rebind.example.com"];
    for (const trusted of [false, true]) {
      for (const host of own) {
        expect([host, trusted, await outcome(p, { host, database: "agentmedha" }, trusted)]).toEqual([host, trusted, "DATA_SOURCE_HOST_NOT_ALLOWED"]);
      }
      expect(await outcome(p, { host: "localhost", database: "AgentMedha" }, trusted)).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    }
    // Another database or port of that server is another matter (and allowed here).
    expect(await outcome(p, { host: "127.0.0.1", database: "agentmedha_demo_chinook" })).toBe("127.0.0.1");
    expect(await outcome(p, { host: "127.0.0.1", database: "agentmedha", port: 5433 })).toBe("127.0.0.1");
  });

  it("recognises a remote app database by its addresses, not only by its name", async () => {
    const p = policy({ appDatabaseUrl: "postgresql://app:pw@appdb.internal/agentmedha", allowedHosts: ["10.0.0.0/8"] });
    expect(await outcome(p, { host: "10.1.2.3", database: "agentmedha" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "APPDB.internal", database: "agentmedha" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
    expect(await outcome(p, { host: "10.1.2.3", database: "sales" })).toBe("10.1.2.3");
    // Loopback is not that server, and stays refused as loopback.
    expect(await outcome(p, { host: "127.0.0.1", database: "agentmedha" })).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
  });

  it("lets trusted connections (demo databases the server installed) reach local servers", async () => {
    const p = policy({ appDatabaseUrl: "postgresql://postgres@localhost/agentmedha" });
    expect(await outcome(p, { host: "127.0.0.1", database: "agentmedha_demo_chinook" }, true)).toBe("127.0.0.1");
    expect(await outcome(p, { host: "127.0.0.1", database: "agentmedha_demo_chinook" }, false)).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
  });

  it("passes name-resolution failures on as they are", async () => {
    expect(await outcome(policy(), { host: "no-such-host.example" })).toMatch(/ENOTFOUND/);
  });
});
