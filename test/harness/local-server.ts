// One way to put a test or bench server on 127.0.0.1: any free port, every connection tracked, so
// close() ends at once even with a request still hanging (black holes, held gates, keep-alive).
import type { AddressInfo, Server, Socket } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Destroys every open connection and stops listening. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, port 0 (node:http and node:net servers alike). */
export async function listenLocally(server: Server): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
