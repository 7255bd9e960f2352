/** Open every node of a ClickHouse store target. */
import { createChdbClient } from './chdb-client.js';
import type { ClickHouseClient, ServerVersion } from './client.js';
import { createHttpClient } from './http-client.js';
import type { ClickHouseTarget } from './store-url.js';

/** The open nodes of a store: queries go to the first, DDL and generations to all. */
export interface ClickHouseConnection {
  nodes: ClickHouseClient[];
  database: string;
  cluster: string;
  /** The oldest node's version (what generated SQL must suit). */
  version: ServerVersion;
  close(): Promise<void>;
}

export async function connectClickHouse(target: ClickHouseTarget): Promise<ClickHouseConnection> {
  const nodes: ClickHouseClient[] = [];
  const close = async () => {
    await Promise.all(nodes.map((n) => n.close()));
  };
  try {
    if (target.kind === 'chdb') {
      nodes.push(
        await createChdbClient({
          path: target.path,
          database: target.database,
          modulePath: target.modulePath,
        }),
      );
    } else {
      for (const n of target.nodes) {
        nodes.push(
          await createHttpClient({
            host: n.host,
            port: n.port,
            database: target.database,
            user: target.user,
            password: target.password,
          }),
        );
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  const version = nodes
    .map((n) => n.version)
    .reduce((a, b) => (b.major < a.major || (b.major === a.major && b.minor < a.minor) ? b : a));
  return { nodes, database: target.database, cluster: target.cluster, version, close };
}
