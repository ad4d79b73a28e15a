import type { ClientCollection, ClientSpec, ClientStats, HotIds } from './syncClient';
import type { EditRecord } from './ledger';

/**
 * Messages between the test and a client host process. RxDB's open-source build allows 13 open
 * collections per process, so the test's clients live in several host processes (a few clients
 * each); the test drives them over Node's IPC channel.
 */
export type HostCommand =
  | { cmd: 'init'; serverUrl: string; runId: string; clients: ClientSpec[] }
  | { cmd: 'run'; ops: number; maxDelayMs: number; hot: HotIds }
  | { cmd: 'settle' }
  | { cmd: 'snapshot' }
  | { cmd: 'documents'; client: string; collection: ClientCollection; ids: string[] }
  | { cmd: 'inspect'; client: string; collection: ClientCollection; ids: string[] }
  | { cmd: 'report' }
  | { cmd: 'close' };

export type HostRequest = HostCommand & { reqId: number };

export type HostReply = { reqId: number; ok: true; value: unknown } | { reqId: number; ok: false; error: string };

/** Sent without a request: operations done so far by one client. */
export interface HostProgress {
  progress: { client: string; done: number };
}

export type Snapshot = Record<string, Record<ClientCollection, Record<string, string>>>;

export interface ClientReport {
  name: string;
  userId: string;
  stats: ClientStats;
  edits: EditRecord[];
  /** The client's recent sync steps (debugging). */
  trace: string[];
}
