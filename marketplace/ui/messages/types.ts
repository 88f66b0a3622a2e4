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
}

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
