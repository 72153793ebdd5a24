import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { errorMessage } from "../../lib/errors";

const LogIn = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      user { id email name role }
    }
  }
`);

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user { id email name role }
    }
  }
`);

export interface AuthScreenProps {
  onAuthenticated: (token: string) => void;
  /** Why the user is here again (an expired session). */
  notice?: string | null;
}

export function AuthScreen({ onAuthenticated, notice }: AuthScreenProps) {
  const [mode, setMode] = useState<"logIn" | "signUp">("logIn");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [logInState, logIn] = useMutation(LogIn);
  const [signUpState, signUp] = useMutation(SignUp);
  const state = mode === "logIn" ? logInState : signUpState;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result =
      mode === "logIn"
        ? await logIn({ input: { email, password } }).then((r) => r.data?.logIn.token)
        : await signUp({ input: { email, password, name: name || null } }).then((r) => r.data?.signUp.token);
    if (result) onAuthenticated(result);
  }

  return (
    <main className="auth">
      <form className="auth-card" onSubmit={submit} aria-labelledby="auth-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">M</span> AgentMedha
        </div>
        <h1 id="auth-title">{mode === "logIn" ? "Log in" : "Create your account"}</h1>
        <p className="muted">Ask your databases questions in plain language.</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {mode === "signUp" && (
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={120} />
          </label>
        )}
        <label>
          E-mail
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" autoFocus />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            minLength={mode === "signUp" ? 8 : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete={mode === "logIn" ? "current-password" : "new-password"}
          />
        </label>
        {mode === "signUp" && <p className="hint">At least 8 characters, with a letter and a digit or symbol.</p>}
        {state.error && (
          <p role="alert" className="error">
            {errorMessage(state.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={state.fetching}>
          {state.fetching ? "Please wait…" : mode === "logIn" ? "Log in" : "Sign up"}
        </button>
        <p className="switch">
          {mode === "logIn" ? "New here?" : "Have an account?"}{" "}
          <button type="button" className="link" onClick={() => setMode(mode === "logIn" ? "signUp" : "logIn")}>
            {mode === "logIn" ? "Create an account" : "Log in"}
          </button>
        </p>
        {mode === "logIn" && (
          <p className="hint">
            Running locally? <code>npm start</code> printed a demo account in the terminal.
          </p>
        )}
      </form>
    </main>
  );
}
