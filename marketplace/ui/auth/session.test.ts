import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from './session.ts';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the browser session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refreshes once when many requests need a new token at the same time (refresh tokens are single use)', async () => {
    const storage = new MemoryStorage();
    storage.setItem('wholesail.refreshToken', 'r1');
    let refreshes = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string) => {
        expect(path).toBe('/api/v1/auth/refresh');
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { accessToken: 'a2', expiresIn: 900, refreshToken: 'r2' });
      }),
    );
    const session = new Session(storage);
    const tokens = await Promise.all([session.token(), session.token(), session.token()]);
    expect(tokens).toEqual(['a2', 'a2', 'a2']);
    expect(refreshes).toBe(1);
    expect(storage.getItem('wholesail.refreshToken')).toBe('r2');
    expect(await session.token()).toBe('a2'); // still fresh: no new refresh
    expect(refreshes).toBe(1);
  });

  it('forgets a refused refresh token, but keeps it through a network failure', async () => {
    const storage = new MemoryStorage();
    storage.setItem('wholesail.refreshToken', 'r1');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('network down');
      }),
    );
    const session = new Session(storage);
    expect(await session.token()).toBeNull();
    expect(session.hasRefreshToken).toBe(true);

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { title: 'Unauthorized', detail: 'session ended' })),
    );
    expect(await session.token()).toBeNull();
    expect(session.hasRefreshToken).toBe(false);
  });

  it('keeps the access token in memory only', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, { twoFactorRequired: false, accessToken: 'a1', expiresIn: 900, refreshToken: 'r1' }),
      ),
    );
    const session = new Session(storage);
    expect(await session.login('exec@wholesail.demo', 'pw')).toEqual({ kind: 'signed-in' });
    expect(await session.token()).toBe('a1');
    expect([...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!))).toEqual(['r1']);
  });
});
