import { useApi } from "../lib/api.tsx";
import { useConnectionState } from "../lib/connection.ts";
import { WifiOffIcon } from "./icons.tsx";

/** Says so while live updates cannot arrive; answers resume where they were once it is back. */
export function ConnectionBanner() {
  const { connection } = useApi();
  const state = useConnectionState(connection);
  if (state !== "reconnecting" && state !== "offline") return null;
  return (
    <div className="connection-banner" role="status">
      <WifiOffIcon />
      {state === "offline" ? (
        <span>You are offline. Live answers continue when the connection is back.</span>
      ) : (
        <span>
          <span className="spinner small" aria-hidden="true" /> Reconnecting… Live answers continue where they left off.
        </span>
      )}
    </div>
  );
}
