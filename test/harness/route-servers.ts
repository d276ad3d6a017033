// Servers for the steps that fetch, in unit tests and anywhere a path table is enough: one handler per path
// on 127.0.0.1, plus a black-holed port (accepts connections, never answers) and a refused one. Built on
// listenLocally, so close() ends at once even with a request still hanging.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { closedPortUrl } from './failing-server';
import { listenLocally } from './local-server';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServers {
  base: string;
  blackHole: string;
  refused: string;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startServers(handlers: Record<string, Handler>): Promise<LocalServers> {
  const requests: LocalServers['requests'] = [];
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const handler = handlers[path];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  // Read and drop whatever comes; answer nothing.
  const hole = createTcpServer((socket: Socket) => socket.on('error', () => undefined));
  const [server, blackHole, refused] = await Promise.all([listenLocally(http), listenLocally(hole), closedPortUrl('')]);
  return {
    base: server.origin,
    blackHole: blackHole.origin,
    refused,
    requests,
    close: () => Promise.all([server.close(), blackHole.close()]).then(() => undefined),
  };
}
