import type { GraphiQLOptions } from "graphql-yoga";

/**
 * GraphiQL with its scripts, styles, fonts and editor workers inlined from the
 * installed `@graphql-yoga/render-graphiql`, so `/graphql` works without a
 * network (Yoga's default page loads them from a public CDN). That package is
 * about 9 MB of JavaScript: it is loaded on the first page request rather than
 * at start-up, and each distinct page is built once.
 */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => Promise<string> {
  const pages = new Map<string, Promise<string>>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (!page) {
      page = import("@graphql-yoga/render-graphiql").then(({ renderGraphiQL }) => renderGraphiQL(options));
      // A failed load is not remembered: the next request tries again.
      page.catch(() => pages.delete(key));
      pages.set(key, page);
    }
    return page;
  };
}
