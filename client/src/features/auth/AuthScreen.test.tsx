import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CombinedError, Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { describe, expect, it, vi } from "vitest";
import { AuthScreen } from "./AuthScreen";

function clientAnswering(result: (query: string, variables: unknown) => object) {
  const executeMutation = vi.fn((request: { query: unknown; variables: unknown }) =>
    fromValue({ operation: request, stale: false, hasNext: false, ...result(String(request.query), request.variables) }),
  );
  return { client: { executeMutation } as unknown as Client, executeMutation };
}

describe("AuthScreen", () => {
  it("logs in and hands the token over", async () => {
    const { client, executeMutation } = clientAnswering(() => ({ data: { logIn: { token: "t0k3n", user: { id: "1", email: "a@b.c", name: "A", role: "ANALYST" } } } }));
    const onAuthenticated = vi.fn();
    render(
      <Provider value={client}>
        <AuthScreen onAuthenticated={onAuthenticated} />
      </Provider>,
    );
    await userEvent.type(screen.getByLabelText("E-mail"), "a@b.c");
    await userEvent.type(screen.getByLabelText("Password"), "secret-123");
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ input: { email: "a@b.c", password: "secret-123" } });
    expect(onAuthenticated).toHaveBeenCalledWith("t0k3n");
  });

  it("shows the server's reason when sign-up fails", async () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: "An account with this e-mail already exists.", extensions: { code: "EMAIL_TAKEN" } }],
    });
    const { client } = clientAnswering(() => ({ error }));
    const onAuthenticated = vi.fn();
    render(
      <Provider value={client}>
        <AuthScreen onAuthenticated={onAuthenticated} />
      </Provider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Create an account" }));
    await userEvent.type(screen.getByLabelText("E-mail"), "taken@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "long-enough-1");
    await userEvent.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already exists");
    expect(onAuthenticated).not.toHaveBeenCalled();
  });
});
