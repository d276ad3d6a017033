// A loopback HTTP server with one handler per path, for the steps that fetch; plus a black-holed port
// (accepts connections, never answers) and a refused one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServers {
  base: string;
  blackHole: string;
  refused: string;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

const listen = (server: Server | TcpServer): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export async function startServers(handlers: Record<string, Handler>): Promise<LocalServers> {
  const requests: LocalServers['requests'] = [];
  const sockets = new Set<Socket>();
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const handler = handlers[path];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  const hole = createTcpServer((socket) => sockets.add(socket));
  http.on('connection', (socket) => sockets.add(socket));
  const [port, holePort] = await Promise.all([listen(http), listen(hole)]);
  const closed = createTcpServer();
  const refusedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    blackHole: `http://127.0.0.1:${holePort}`,
    refused: `http://127.0.0.1:${refusedPort}`,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((r) => http.close(r)), new Promise((r) => hole.close(r))]);
    },
  };
}
