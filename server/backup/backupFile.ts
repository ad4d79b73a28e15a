import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { AuditChainRow, DeviceSession, StoredDoc, TerritoryRecord, UserRecord } from '../store/types';

/**
 * The backup file: gzip-compressed JSON lines, the same for SQLite and PostgreSQL (a backup of one
 * restores into the other). Line 1 is the header, then one line per row, then a trailer with the
 * row counts and the SHA-256 of every line before it, so a truncated or altered file is refused
 * before anything is restored. Rows keep their sequence numbers and audit ids exactly: the apps'
 * sync checkpoints stay valid against the restored server.
 */
export const BACKUP_FORMAT = 'fieldbook-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The database the backup was taken from. */
  source: 'sqlite' | 'postgres';
  /** The server's schema migration the tables were at. */
  schemaVersion: number;
  /** The sequence counter: the highest sequence number handed out. */
  seq: number;
}

export type BackupEntry =
  | { t: 'territory'; v: TerritoryRecord }
  | { t: 'user'; v: UserRecord }
  | { t: 'session'; v: DeviceSession }
  | { t: 'spent'; v: { tokenHash: string; sessionId: string } }
  | { t: 'doc'; v: StoredDoc }
  | { t: 'audit'; v: AuditChainRow };
export type EntryType = BackupEntry['t'];
export const ENTRY_TYPES: readonly EntryType[] = ['territory', 'user', 'session', 'spent', 'doc', 'audit'];

export interface BackupTrailer {
  end: true;
  counts: Record<EntryType, number>;
  sha256: string;
}

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

const emptyCounts = (): Record<EntryType, number> => Object.fromEntries(ENTRY_TYPES.map((t) => [t, 0])) as Record<EntryType, number>;

/** Writes a backup to `<file>.partial` (mode 0600: it holds password hashes) and renames it when complete. */
export class BackupWriter {
  private readonly hash = createHash('sha256');
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;
  readonly counts = emptyCounts();
  private readonly partial: string;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    const out = createWriteStream(this.partial, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      this.gzip.once('error', reject);
    });
  }

  private async write(line: string, hashed: boolean): Promise<void> {
    const text = `${line}\n`;
    if (hashed) this.hash.update(text);
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }

  header(h: BackupHeader): Promise<void> { return this.write(JSON.stringify(h), true); }

  entry(e: BackupEntry): Promise<void> {
    this.counts[e.t]++;
    return this.write(JSON.stringify(e), true);
  }

  async finish(): Promise<BackupTrailer> {
    const trailer: BackupTrailer = { end: true, counts: this.counts, sha256: this.hash.digest('hex') };
    await this.write(JSON.stringify(trailer), false);
    this.gzip.end();
    await this.done;
    renameSync(this.partial, this.file);
    return trailer;
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    rmSync(this.partial, { force: true });
  }
}

/** Lines of a backup file (decompressed); a damaged gzip stream becomes a BackupFileError. */
async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  const failure = new Promise<never>((_, reject) => {
    input.once('error', (e: NodeJS.ErrnoException) => reject(new BackupFileError(`Cannot read ${file}: ${e.code ?? e.message}`)));
    gunzip.once('error', (e) => reject(new BackupFileError(`${file} is not a complete backup (${e.message})`)));
  });
  failure.catch(() => undefined);
  const reader = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const iterator = reader[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), failure]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    reader.close();
    input.destroy();
  }
}

function parse(line: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(line) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new BackupFileError(`The backup's ${what} is not valid`);
}

function checkHeader(value: Record<string, unknown>): BackupHeader {
  if (value.format !== BACKUP_FORMAT) throw new BackupFileError('Not a Fieldbook backup file');
  if (value.version !== BACKUP_FORMAT_VERSION) throw new BackupFileError(`Backup format version ${String(value.version)} is not supported (this server reads version ${BACKUP_FORMAT_VERSION})`);
  if (!Number.isSafeInteger(value.seq) || !Number.isSafeInteger(value.schemaVersion)) throw new BackupFileError('The backup header is not valid');
  return value as unknown as BackupHeader;
}

/**
 * Reads the whole file and checks it: header, every row's type, the counts and the checksum.
 * Calls `onEntry` for each row only when given (the restore's second pass); resolves with the
 * header and trailer. Throws BackupFileError on any problem.
 */
export async function readBackup(file: string, onEntry?: (entry: BackupEntry) => Promise<void> | void): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const hash = createHash('sha256');
  const counts = emptyCounts();
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  for await (const line of lines(file)) {
    if (trailer) throw new BackupFileError('The backup has data after its end');
    if (!header) {
      header = checkHeader(parse(line, 'header'));
      hash.update(`${line}\n`);
      continue;
    }
    const value = parse(line, 'content');
    if (value.end === true) {
      trailer = value as unknown as BackupTrailer;
      continue;
    }
    hash.update(`${line}\n`);
    const type = value.t as EntryType;
    if (!ENTRY_TYPES.includes(type) || value.v === null || typeof value.v !== 'object') throw new BackupFileError('The backup holds a row it does not know');
    counts[type]++;
    if (onEntry) await onEntry(value as unknown as BackupEntry);
  }
  if (!header) throw new BackupFileError('The backup is empty');
  if (!trailer) throw new BackupFileError('The backup is incomplete (no end marker): it was cut off');
  if (hash.digest('hex') !== trailer.sha256) throw new BackupFileError('The backup\'s checksum does not match: the file was changed or damaged');
  for (const t of ENTRY_TYPES) {
    if (counts[t] !== trailer.counts?.[t]) throw new BackupFileError(`The backup should hold ${trailer.counts?.[t]} ${t} rows but holds ${counts[t]}`);
  }
  return { header, trailer };
}
