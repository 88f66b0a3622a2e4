import { describe, expect, it } from 'vitest';
import { counterpartOf, mergeMessages, mergeThreads, upsertThread } from './conversation-state.ts';
import type { Message, Thread } from './types.ts';

const RETAILER = { id: 'r-1', name: 'Corner Store Brooklyn' };
const MAKER = { id: 'm-1', name: 'Alpine Ceramics' };

// UUIDv7-like ids: the text order is the time order, as the API's ids are.
const message = (id: string, mine = false): Message => ({
  id: `0193a000-0000-7000-8000-00000000000${id}`,
  threadId: 't',
  senderUserId: mine ? 'me' : 'them',
  senderCompanyId: mine ? RETAILER.id : MAKER.id,
  mine,
  body: `message ${id}`,
  createdAt: `2026-11-25T10:0${id}:00.000Z`,
});

const thread = (id: string, lastMessageAt: string, unread = 0): Thread => ({
  id,
  subject: `subject ${id}`,
  orderId: null,
  retailer: RETAILER,
  manufacturer: MAKER,
  createdAt: '2026-11-01T00:00:00.000Z',
  lastMessageAt,
  messageCount: 1,
  unread,
  lastMessage: null,
});

describe('an open conversation', () => {
  it('shows a reply committed just before my own message above it once the poll brings it', () => {
    // On screen: 1, 2, then my message 4 appended as soon as the API accepted it.
    const onScreen = mergeMessages([message('1'), message('2')], [message('4', true)]);
    // The poll from the confirmed offset (2) returns 3, written by the other side a moment before mine, and 4.
    const after = mergeMessages(onScreen, [message('3'), message('4', true)]);
    expect(after.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
  });

  it('puts earlier messages above and keeps each message once', () => {
    const after = mergeMessages([message('3'), message('4')], [message('1'), message('2'), message('3')]);
    expect(after.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
  });
});

describe('the thread list', () => {
  it('moves a thread with a new message to the top and takes its new unread count', () => {
    const loaded = [thread('b', '2026-11-25T10:00:00Z'), thread('a', '2026-11-24T10:00:00Z')];
    const firstPage = [thread('a', '2026-11-25T11:00:00Z', 2), thread('b', '2026-11-25T10:00:00Z')];
    const after = mergeThreads(loaded, firstPage);
    expect(after.map((t) => [t.id, t.unread])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
  });

  it('keeps the older pages it has loaded when the first page is read again', () => {
    const loaded = [thread('c', '2026-11-25T09:00:00Z'), thread('old', '2026-10-01T00:00:00Z')];
    const after = mergeThreads(loaded, [
      thread('new', '2026-11-25T12:00:00Z'),
      thread('c', '2026-11-25T09:00:00Z'),
    ]);
    expect(after.map((t) => t.id)).toEqual(['new', 'c', 'old']);
  });

  it('marks a thread read as soon as the conversation says so', () => {
    const loaded = [thread('a', '2026-11-25T10:00:00Z', 3), thread('b', '2026-11-24T10:00:00Z')];
    const after = upsertThread(loaded, thread('a', '2026-11-25T10:00:00Z', 0));
    expect(after.map((t) => [t.id, t.unread])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });

  it('names the other company of the conversation from either side', () => {
    const t = thread('a', '2026-11-25T10:00:00Z');
    expect(counterpartOf(t, RETAILER.id).name).toBe('Alpine Ceramics');
    expect(counterpartOf(t, MAKER.id).name).toBe('Corner Store Brooklyn');
  });
});
