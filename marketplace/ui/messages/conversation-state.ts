/**
 * The bookkeeping of an open conversation and of the thread list, kept free of React so it can be tested.
 *
 * The API pages a thread's messages oldest first by offset and has no "since" cursor, so the page tracks the
 * offset the server has confirmed: a message the composer appends at once does not move it, because a message
 * another party committed just before ours sorts before it and would otherwise be skipped by the next poll.
 * Message ids are UUIDv7, drawn under the thread's lock, so their text order is the conversation's order.
 */
import type { Message, Thread } from './types.ts';

/** Messages from every source, each once, in conversation order. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The list after a re-read of its first page: what the first page says now wins, older pages keep what they
 * had (minus threads that moved up), newest activity first as the API orders it.
 */
export function mergeThreads(current: Thread[], firstPage: Thread[]): Thread[] {
  const fresh = new Map(firstPage.map((t) => [t.id, t]));
  const kept = current.filter((t) => !fresh.has(t.id));
  return [...firstPage, ...kept].sort(byActivity);
}

/** One thread replaced (or added) after the page learnt something new about it: a reply, a read marker. */
export function upsertThread(current: Thread[], thread: Thread): Thread[] {
  return [thread, ...current.filter((t) => t.id !== thread.id)].sort(byActivity);
}

function byActivity(a: Thread, b: Thread): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The other company of the conversation, seen from `companyId`. */
export const counterpartOf = (thread: Thread, companyId: string) =>
  thread.retailer.id === companyId ? thread.manufacturer : thread.retailer;

/** The company a message was written for, by its id (one of the thread's two parties). */
export const senderCompanyOf = (thread: Thread, message: Message) =>
  message.senderCompanyId === thread.retailer.id ? thread.retailer : thread.manufacturer;

/** Whether a batch holds something the caller has not read: anything written by someone else. */
export const hasOthersMessages = (messages: Message[]) => messages.some((m) => !m.mine);
