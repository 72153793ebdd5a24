import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";

describe("deployment files", () => {
  it("docker-compose.yml is valid and wires the app to PostgreSQL and Redis", () => {
    // Debian's docker-compose validates without a Docker engine (.ci/run installs it).
    const rendered = execFileSync("docker-compose", ["-f", path.join(repoRoot, "docker-compose.yml"), "config"], {
      encoding: "utf8",
      env: { ...process.env, POSTGRES_PASSWORD: "pw" },
    });
    const config = parse(rendered) as { services: Record<string, any> };
    expect(Object.keys(config.services).sort()).toEqual(["app", "postgres", "redis"]);
    const env = config.services.app.environment;
    expect(env.DATABASE_URL).toBe("postgresql://agentmedha:pw@postgres:5432/agentmedha");
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    expect(env.AGENTMEDHA_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(config.services.app.depends_on.postgres.condition).toBe("service_healthy");
  });

  it("the Dockerfile runs scripts that exist", () => {
    const dockerfile = readFileSync(path.join(repoRoot, "Dockerfile"), "utf8");
    const rootScripts = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts;
    const serverScripts = JSON.parse(readFileSync(path.join(repoRoot, "server", "package.json"), "utf8")).scripts;
    expect(dockerfile).toContain("RUN npm run build");
    expect(rootScripts.build).toBeTruthy();
    expect(dockerfile).toContain('CMD ["npm", "run", "start", "-w", "@agentmedha/server"]');
    expect(serverScripts.start).toBeTruthy();
  });
});
