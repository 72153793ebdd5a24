import { useMutation } from "urql";
import type { Role } from "../../graphql/graphql";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { ThemeSwitch } from "../../ui/ThemeSwitch.tsx";
import { ApiKeysSection } from "./ApiKeysSection.tsx";
import { AuditSection } from "./AuditSection.tsx";
import { LogOutEverywhere } from "./operations.ts";
import { UsersSection } from "./UsersSection.tsx";

export interface SettingsPageProps {
  me: { id: string; name: string; email: string; role: Role };
  onLoggedOut: () => void;
}

/** The account: appearance, sessions, API keys, and (administrators) people and roles. */
export function SettingsPage({ me, onLoggedOut }: SettingsPageProps) {
  const [state, logOutEverywhere] = useMutation(LogOutEverywhere);
  return (
    <div className="page settings">
      <header className="page-head">
        <div>
          <h1 tabIndex={-1} id="main-heading">
            Settings
          </h1>
          <p className="muted">
            {me.name ? `${me.name} · ` : ""}
            {me.email} · {me.role.toLowerCase()}
          </p>
        </div>
      </header>
      <section className="settings-section" aria-labelledby="look-title">
        <h2 id="look-title">Appearance</h2>
        <div className="theme-row">
          <ThemeSwitch />
        </div>
      </section>
      <section className="settings-section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sign-ins</h2>
        <p className="muted">Signed in on another device you no longer use? End every sign-in, this one included.</p>
        <ErrorNote error={state.error} />
        <button
          type="button"
          className="ghost-button danger"
          disabled={state.fetching}
          onClick={async () => {
            const result = await logOutEverywhere({});
            if (result.data?.logOut) onLoggedOut();
          }}
        >
          Log out everywhere
        </button>
      </section>
      <ApiKeysSection role={me.role} />
      {me.role === "ADMIN" && <UsersSection meId={me.id} />}
      {me.role === "ADMIN" && <AuditSection />}
    </div>
  );
}
