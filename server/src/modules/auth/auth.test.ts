import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";

const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { token expiresAt user { id email name role } } }`;
const logIn = `mutation($input: LogInInput!) { logIn(input: $input) { token user { email } } }`;
const me = `{ me { id email role } }`;

describe.each(modes)("accounts (%s)", (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.stop());

  it("signs up (first account is admin), logs in, answers me, logs out", async () => {
    const created = await t.gql(signUp, { input: { email: "  Ada@Example.com ", password: "analytical-engine-1", name: "Ada" } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.signUp.user).toMatchObject({ email: "ada@example.com", name: "Ada", role: "ADMIN" });

    const second = await t.signUp();
    const secondMe = await t.gql(me, {}, second.token);
    expect(secondMe.data!.me.role).toBe("ANALYST");

    const loggedIn = await t.gql(logIn, { input: { email: "ADA@example.com", password: "analytical-engine-1" } });
    const token = loggedIn.data!.logIn.token as string;
    expect((await t.gql(me, {}, token)).data!.me.email).toBe("ada@example.com");

    expect((await t.gql(`mutation { logOut }`, {}, token)).data!.logOut).toBe(true);
    const after = await t.gql(me, {}, token);
    expect(after.errors![0]!.extensions!.code).toBe("TOKEN_INVALID");
  });

  it("rejects bad sign-ups with typed errors and stores nothing", async () => {
    const email = `dup-${Date.now()}@example.com`;
    await t.signUp(email);
    const cases: [Record<string, unknown>, string][] = [
      [{ email, password: "another-pass-1" }, "EMAIL_TAKEN"],
      [{ email: `${email.toUpperCase()}`, password: "another-pass-1" }, "EMAIL_TAKEN"],
      [{ email: "not-an-email", password: "another-pass-1" }, "BAD_USER_INPUT"],
      [{ email: "short@example.com", password: "abc1" }, "WEAK_PASSWORD"],
      [{ email: "letters@example.com", password: "onlyletters" }, "WEAK_PASSWORD"],
      [{ email: "common@example.com", password: "password123" }, "WEAK_PASSWORD"],
      [{ email: `${"x".repeat(300)}@example.com`, password: "another-pass-1" }, "BAD_USER_INPUT"],
      [{ email: "long@example.com", password: "a1".repeat(200) }, "BAD_USER_INPUT"],
      [{ email: "name@example.com", password: "another-pass-1", name: "n".repeat(500) }, "BAD_USER_INPUT"],
    ];
    for (const [input, code] of cases) {
      const res = await t.gql(signUp, { input });
      expect(res.data ?? null, JSON.stringify(input).slice(0, 80)).toBeNull();
      expect(res.errors![0]!.extensions!.code, JSON.stringify(input).slice(0, 80)).toBe(code);
    }
    const users = await t.app.services.prisma.user.findMany({ where: { email: { in: ["short@example.com", "letters@example.com", "common@example.com", "name@example.com", "long@example.com"] } } });
    expect(users).toEqual([]);
  });

  it("answers wrong credentials the same way for unknown e-mails and wrong passwords", async () => {
    const user = await t.signUp();
    const wrongPassword = await t.gql(logIn, { input: { email: user.email, password: "wrong-password-1" } });
    const unknown = await t.gql(logIn, { input: { email: "nobody@example.com", password: "wrong-password-1" } });
    expect(wrongPassword.errors![0]).toMatchObject({ extensions: { code: "INVALID_CREDENTIALS" } });
    expect(unknown.errors![0]!.message).toBe(wrongPassword.errors![0]!.message);
  });

  it("tells expired, forged and missing tokens apart", async () => {
    const user = await t.signUp();
    const forged = `${user.token.slice(0, -4)}abcd`;
    expect((await t.gql(me, {}, forged)).errors![0]!.extensions!.code).toBe("TOKEN_INVALID");
    expect((await t.gql(me, {}, "not-a-jwt")).errors![0]!.extensions!.code).toBe("TOKEN_INVALID");
    expect((await t.gql(me)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");

    const expired = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.userId)
      .setIssuer("agentmedha")
      .setAudience("agentmedha-api")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(t.app.services.secrets.tokenKey);
    expect((await t.gql(me, {}, expired)).errors![0]!.extensions!.code).toBe("TOKEN_EXPIRED");
  });

  it("answers malformed GraphQL with a typed error", async () => {
    const res = await t.gql(`{ me { `);
    expect(res.errors![0]!.extensions!.code).toMatch(/GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/);
    const unknownField = await t.gql(`{ nope }`);
    expect(unknownField.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
