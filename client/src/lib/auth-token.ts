const key = "agentmedha.token";

/** The access token survives reloads; every tab shares it. */
export const authToken = {
  get(): string | null {
    return localStorage.getItem(key);
  },
  set(token: string) {
    localStorage.setItem(key, token);
  },
  clear() {
    localStorage.removeItem(key);
  },
};
