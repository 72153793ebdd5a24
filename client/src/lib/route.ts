import { useCallback, useEffect, useState } from "react";

/** The app's places, kept in the URL so a reload or a shared link (for the owner) restores them. */
export type Route =
  | { name: "home" }
  | { name: "session"; sessionId: string }
  | { name: "dataSources" }
  | { name: "dataSource"; dataSourceId: string; tab?: string }
  | { name: "settings" };

export function parseRoute(pathname: string): Route {
  const session = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (session) return { name: "session", sessionId: decodeURIComponent(session[1]!) };
  if (/^\/data-sources\/?$/.test(pathname)) return { name: "dataSources" };
  if (/^\/settings\/?$/.test(pathname)) return { name: "settings" };
  const source = /^\/data-sources\/([^/]+)(?:\/([a-z-]+))?\/?$/.exec(pathname);
  if (source) {
    const route: Route = { name: "dataSource", dataSourceId: decodeURIComponent(source[1]!) };
    return source[2] ? { ...route, tab: source[2] } : route;
  }
  return { name: "home" };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case "home":
      return "/";
    case "session":
      return `/s/${encodeURIComponent(route.sessionId)}`;
    case "dataSources":
      return "/data-sources";
    case "settings":
      return "/settings";
    case "dataSource":
      return `/data-sources/${encodeURIComponent(route.dataSourceId)}${route.tab ? `/${route.tab}` : ""}`;
  }
}

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const path = routePath(next);
    if (path !== window.location.pathname) {
      if (options?.replace) window.history.replaceState(null, "", path);
      else window.history.pushState(null, "", path);
    }
    setRoute(next);
  }, []);
  return [route, navigate];
}
