/**
 * Events the messaging context emits. Payload schemas are registered in ingest/events/catalog.ts.
 * Ids only: a message's text is private correspondence and never leaves the OLTP database.
 */
export const MESSAGE_SENT = 'message.sent';

export interface MessageSentV1 {
  messageId: string;
  threadId: string;
  /** The order the thread is about, if any. */
  orderId: string | null;
  senderUserId: string;
  senderCompanyId: string;
  recipientCompanyId: string;
  retailerCompanyId: string;
  manufacturerCompanyId: string;
}
