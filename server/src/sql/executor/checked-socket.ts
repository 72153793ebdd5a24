import net from "node:net";

/**
 * Decides, just before a socket opens, where it may go: given the host (or
 * Unix socket directory) and port, returns the address to open, or throws.
 */
export type ConnectCheck = (host: string, port: number) => Promise<string>;

const socketFile = /^(.*)\/\.s\.PGSQL\.(\d+)$/;

/**
 * A socket for node-postgres whose `connect` first runs the check and then
 * opens the address it returned, so a name cannot resolve to one place when
 * checked and another when connected. A refusal is the socket's error, which
 * the driver reports as the connection's failure.
 */
export function checkedSocket(check: ConnectCheck): net.Socket {
  const socket = new net.Socket();
  const open = socket.connect.bind(socket) as (...args: unknown[]) => net.Socket;
  const connect = (portOrPath: number | string, host?: string) => {
    const unix = typeof portOrPath === "string" ? socketFile.exec(portOrPath) : null;
    const target = unix ? { host: unix[1]!, port: Number(unix[2]) } : { host: host ?? "localhost", port: Number(portOrPath) };
    check(target.host, target.port).then(
      (address) => {
        // The driver's connect timeout may have given up meanwhile.
        if (socket.destroyed) return;
        if (unix) open(`${address}/.s.PGSQL.${target.port}`);
        else open(target.port, address);
      },
      (error: unknown) => socket.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return socket;
  };
  socket.connect = connect as unknown as typeof socket.connect;
  return socket;
}
