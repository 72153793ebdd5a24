import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";

const users = `query($search: String, $role: Role) { users(first: 50, search: $search, role: $role) { edges { node { id email role } } } }`;
const setRole = `mutation($userId: ID!, $role: Role!) { setUserRole(input: { userId: $userId, role: $role }) { user { id role } previousRole } }`;
const me = `{ me { role } }`;

describe.each(modes)("user management (%s)", (mode) => {
  let t: TestApp;
  let admin: { token: string; userId: string; email: string };
  let analyst: { token: string; userId: string; email: string };

  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.signUp();
    analyst = await t.signUp();
  });
  afterAll(() => t?.stop());

  it("lists users to administrators only, with search and role filters", async () => {
    const all = await t.gql(users, {}, admin.token);
    expect(all.data!.users.edges.map((e: any) => e.node.email)).toEqual(expect.arrayContaining([admin.email, analyst.email]));
    const admins = await t.gql(users, { role: "ADMIN" }, admin.token);
    expect(admins.data!.users.edges.map((e: any) => e.node.email)).toEqual([admin.email]);
    const found = await t.gql(users, { search: analyst.email.slice(0, 8).toUpperCase() }, admin.token);
    expect(found.data!.users.edges.map((e: any) => e.node.email)).toContain(analyst.email);
    const denied = await t.gql(users, {}, analyst.token);
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(denied.data ?? null).toBeNull();
  });

  it("changes roles with immediate effect, and never leaves the installation without an administrator", async () => {
    const demoted = await t.gql(setRole, { userId: analyst.userId, role: "VIEWER" }, admin.token);
    expect(demoted.data!.setUserRole).toEqual({ user: { id: analyst.userId, role: "VIEWER" }, previousRole: "ANALYST" });
    expect((await t.gql(me, {}, analyst.token)).data!.me.role).toBe("VIEWER");
    const add = await t.gql(`mutation { addDataSource(input: { name: "x", connectionUrl: "postgresql://127.0.0.1:1/x" }) { dataSource { id } } }`, {}, analyst.token);
    expect(add.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const alone = await t.gql(setRole, { userId: admin.userId, role: "ANALYST" }, admin.token);
    expect(alone.errors![0]!.extensions!.code).toBe("LAST_ADMIN");
    expect((await t.gql(me, {}, admin.token)).data!.me.role).toBe("ADMIN");

    await t.gql(setRole, { userId: analyst.userId, role: "ADMIN" }, admin.token);
    const stepDown = await t.gql(setRole, { userId: admin.userId, role: "ANALYST" }, admin.token);
    expect(stepDown.data!.setUserRole.previousRole).toBe("ADMIN");
    // No longer an administrator: the next call is refused.
    expect((await t.gql(setRole, { userId: analyst.userId, role: "VIEWER" }, admin.token)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    await t.gql(setRole, { userId: admin.userId, role: "ADMIN" }, analyst.token);
  });

  it("answers typed errors for non-administrators, unknown users and bad ids", async () => {
    const other = await t.signUp();
    expect((await t.gql(setRole, { userId: admin.userId, role: "VIEWER" }, other.token)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(setRole, { userId: admin.userId, role: "VIEWER" })).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const unknown = Buffer.from("User:00000000-0000-4000-8000-000000000000").toString("base64");
    expect((await t.gql(setRole, { userId: unknown, role: "VIEWER" }, admin.token)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await t.gql(setRole, { userId: "garbage", role: "VIEWER" }, admin.token)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
