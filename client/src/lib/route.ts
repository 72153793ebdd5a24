import { useCallback, useEffect, useState } from "react";

/** The app has two places: the welcome screen and a session (`/s/<id>`), kept in the URL. */
export type Route = { name: "home" } | { name: "session"; sessionId: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  return match ? { name: "session", sessionId: decodeURIComponent(match[1]!) } : { name: "home" };
}

export function routePath(route: Route): string {
  return route.name === "session" ? `/s/${encodeURIComponent(route.sessionId)}` : "/";
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    const path = routePath(next);
    if (path !== window.location.pathname) window.history.pushState(null, "", path);
    setRoute(next);
  }, []);
  return [route, navigate];
}
