import net from "node:net";
import path from "node:path";
import { checkedSocket, type ConnectCheck } from "./checked-socket.ts";
import type { PostgresConnectionConfig } from "./connection-url.ts";

const cancelRequestCode = 80877102;

/**
 * Asks the server to cancel whatever the backend `processId` is running, with
 * the protocol's CancelRequest (no login, works even when the pool is full).
 * Best effort: the caller also closes the connection if this does not help.
 */
export function sendCancelRequest(config: PostgresConnectionConfig, processId: number, secretKey: number, check?: ConnectCheck): Promise<void> {
  return new Promise((resolve) => {
    const socket = check ? checkedSocket(check) : new net.Socket();
    if (config.host.startsWith("/")) socket.connect(path.join(config.host, `.s.PGSQL.${config.port}`));
    else socket.connect(config.port, config.host);
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(2000, done);
    socket.once("error", done);
    socket.once("close", done);
    socket.once("connect", () => {
      const message = Buffer.alloc(16);
      message.writeInt32BE(16, 0);
      message.writeInt32BE(cancelRequestCode, 4);
      message.writeInt32BE(processId, 8);
      message.writeInt32BE(secretKey, 12);
      socket.end(message);
    });
  });
}
