import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId } from "../graphql/ids.ts";
import { generateApiKey } from "../modules/api-keys/keys.ts";
import { manifestPath } from "../http/limits/persisted-manifest.ts";
import { modes, startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";

const createKey = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id role } } }`;
const me = `{ me { id role } }`;
const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

describe.each(modes)("what an API key may not do (%s)", (mode) => {
  let t: TestApp;
  let admin: { token: string; userId: string };
  let analyst: { token: string; userId: string; email: string };

  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.signUp();
    analyst = await t.signUp();
  });
  afterAll(() => t?.stop());

  async function keyOf(token: string, role: string): Promise<string> {
    const res = await t.gql(createKey, { input: { name: `${role} key`, role } }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.createApiKey.secret as string;
  }

  it("cannot log its owner out, so every session of the owner survives", async () => {
    for (const owner of [analyst, admin]) {
      const key = await keyOf(owner.token, "VIEWER");
      const before = await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: fromGlobalId(owner.userId, "User") } });
      const res = await t.gql(`mutation { logOut }`, {}, key);
      expect(code(res)).toBe("FORBIDDEN");
      expect(res.data ?? null).toBeNull();
      const after = await t.app.services.prisma.user.findUniqueOrThrow({ where: { id: fromGlobalId(owner.userId, "User") } });
      expect(after.tokenVersion).toBe(before.tokenVersion);
      expect((await t.gql(me, {}, owner.token)).data!.me.id).toBe(owner.userId);
    }
  });

  it("cannot log in, sign up or mint keys; nothing is written", async () => {
    const key = await keyOf(analyst.token, "ANALYST");
    const users = await t.app.services.prisma.user.count();
    const keys = await t.app.services.prisma.apiKey.count();
    const logIn = await t.gql(`mutation($input: LogInInput!) { logIn(input: $input) { token } }`, { input: { email: analyst.email, password: "correct horse 1" } }, key);
    expect(code(logIn)).toBe("FORBIDDEN");
    const signUp = await t.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: `via-key-${Date.now()}@example.com`, password: "correct horse 1" } }, key);
    expect(code(signUp)).toBe("FORBIDDEN");
    const mint = await t.gql(createKey, { input: { name: "child", role: "VIEWER" } }, key);
    expect(code(mint)).toBe("FORBIDDEN");
    expect(mint.errors![0]!.extensions!.hint).toMatch(/log-in/);
    expect(await t.app.services.prisma.user.count()).toBe(users);
    expect(await t.app.services.prisma.apiKey.count()).toBe(keys);
    // Without credentials, logging in still works.
    expect((await t.gql(`mutation($input: LogInInput!) { logIn(input: $input) { token } }`, { input: { email: analyst.email, password: "correct horse 1" } })).errors).toBeUndefined();
  });

  it("shows the key's effective role as `me.role`: the lower of the key's and the owner's", async () => {
    expect((await t.gql(me, {}, await keyOf(analyst.token, "VIEWER"))).data!.me.role).toBe("VIEWER");
    expect((await t.gql(me, {}, await keyOf(admin.token, "ANALYST"))).data!.me.role).toBe("ANALYST");
    const user = await t.signUp();
    const key = await keyOf(user.token, "ANALYST");
    await t.app.services.prisma.user.update({ where: { id: fromGlobalId(user.userId, "User") }, data: { role: "VIEWER" } });
    await t.app.services.auth.forgetUser(fromGlobalId(user.userId, "User"));
    expect((await t.gql(me, {}, key)).data!.me.role).toBe("VIEWER");
    // A log-in token shows the account's own role.
    expect((await t.gql(me, {}, analyst.token)).data!.me.role).toBe("ANALYST");
  });
});

describe("API keys under PERSISTED_OPERATIONS=only", () => {
  let t: TestApp;
  let manifest: string[];
  const operation = (name: string) => manifest.find((text) => text.startsWith(`mutation ${name}(`))!;

  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { PERSISTED_OPERATIONS: "only" } });
    manifest = Object.values(JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, string>);
  });
  afterAll(() => t?.stop());

  const signUp = async () => {
    const res = await t.gql(operation("SignUp"), { input: { email: `only-${Date.now()}-${Math.random()}@example.com`, password: "correct horse 1" } });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return { token: res.data!.signUp.token as string, userId: fromGlobalId(res.data!.signUp.user.id as string, "User") };
  };

  it("refuses the web client's own createApiKey to anyone but an administrator, and writes no key", async () => {
    const admin = await signUp();
    const analyst = await signUp();
    const minted = await t.gql(operation("CreateApiKey"), { input: { name: "escape", role: "VIEWER" } }, analyst.token);
    expect(code(minted)).toBe("FORBIDDEN");
    expect(minted.errors![0]!.message).toMatch(/only administrators/);
    expect(await t.app.services.prisma.apiKey.count()).toBe(0);

    const adminKey = await t.gql(operation("CreateApiKey"), { input: { name: "ops", role: "VIEWER" } }, admin.token);
    expect(adminKey.errors).toBeUndefined();
    const secret = adminKey.data!.createApiKey.secret as string;
    // An administrator's key sends its own documents (with the key's rights, here VIEWER).
    expect((await t.gql(`{ me { role } }`, {}, secret)).data!.me.role).toBe("VIEWER");
  });

  it("does not let a non-administrator's key send its own documents, over HTTP and graphql-ws", async () => {
    await signUp();
    const user = await signUp();
    // A key minted before the mode was turned on.
    const { secret, prefix, hash } = generateApiKey();
    await t.app.services.prisma.apiKey.create({ data: { userId: user.userId, name: "old", role: "ANALYST", prefix, keyHash: hash } });
    expect(code(await t.gql(`{ me { email } }`, {}, secret))).toBe("PERSISTED_OPERATIONS_ONLY");
    const refused = await new Promise<any>((resolve) =>
      t.ws(secret).subscribe({ query: "subscription { sessionChanged { kind } }" }, { next: (r) => resolve(r.errors), error: resolve, complete: () => resolve(null) }),
    );
    expect(refused[0].extensions.code).toBe("PERSISTED_OPERATIONS_ONLY");
  });

  it("takes the right away from an administrator's key once its owner is demoted", async () => {
    const admin = await t.app.services.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const { secret } = await t.app.services.apiKeys.create({ userId: admin.id, role: "ADMIN" }, { name: "root", role: "ADMIN" });
    expect((await t.gql(`{ me { email } }`, {}, secret)).data!.me.email).toBe(admin.email);
    await t.app.services.prisma.user.update({ where: { id: admin.id }, data: { role: "ANALYST" } });
    expect(code(await t.gql(`{ me { email } }`, {}, secret))).toBe("PERSISTED_OPERATIONS_ONLY");
    await t.app.services.prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  });
});
