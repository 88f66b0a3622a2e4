/** The shapes the messaging API answers with (api/routes/messaging-routes.ts). */

export interface CompanyRef {
  id: string;
  name: string;
}

export interface Thread {
  id: string;
  subject: string;
  /** The order the conversation is about, when it was started from one. */
  orderId: string | null;
  retailer: CompanyRef;
  manufacturer: CompanyRef;
  createdAt: string;
  lastMessageAt: string;
  messageCount: number;
  /** Messages others wrote after the caller's read marker. */
  unread: number;
  /** The newest message, its body cut to a snippet by the API (null before the first message). */
  lastMessage: { body: string; mine: boolean; senderCompanyId: string; createdAt: string } | null;
}

/** What a thread's row shows of a message just read or sent (the API cuts the same way). */
export const lastMessageOf = (message: Message): Thread['lastMessage'] => ({
  body: message.body.slice(0, 160),
  mine: message.mine,
  senderCompanyId: message.senderCompanyId,
  createdAt: message.createdAt,
});

export interface Message {
  id: string;
  threadId: string;
  senderUserId: string;
  senderCompanyId: string;
  /** Written by the signed-in person (a colleague's message is not `mine`). */
  mine: boolean;
  body: string;
  createdAt: string;
}

export interface UnreadCount {
  unread: number;
  threads: number;
}
