import { describe, expect, it } from 'vitest';
import { parseLastSignIn, parseStoredSession, type StoredSession } from './storedSession';

const session: StoredSession = {
  user: { id: 'u-1', userName: 'zhang.wei', displayName: '张伟', roles: ['rep'], territoryIds: ['t-bj'], homeTerritoryId: 't-bj' },
  serverUrl: 'http://127.0.0.1:8787',
  accessExpiresAt: '2026-01-01T00:15:00.000Z',
  signedInAt: '2026-01-01T00:00:00.000Z',
};

describe('parseStoredSession', () => {
  it('reads back what was stored', () => {
    expect(parseStoredSession(JSON.stringify(session))).toEqual(session);
  });

  it('treats anything malformed as no session', () => {
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession('{')).toBeNull();
    expect(parseStoredSession('[]')).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...session, serverUrl: '' }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...session, user: { ...session.user, roles: ['pope'] } }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...session, user: { ...session.user, id: '' } }))).toBeNull();
  });

  it('keeps only the known fields', () => {
    const parsed = parseStoredSession(JSON.stringify({ ...session, accessToken: 'secret', user: { ...session.user, extra: 1 } }));
    expect(parsed).toEqual(session);
  });
});

describe('parseLastSignIn', () => {
  it('reads an address and a user name', () => {
    expect(parseLastSignIn('{"serverUrl":"http://x","userName":"li.na"}')).toEqual({ serverUrl: 'http://x', userName: 'li.na' });
    expect(parseLastSignIn('nope')).toBeNull();
  });
});
