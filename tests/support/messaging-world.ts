/** What the messaging scenario's tests share: the platform, the companies, their orders, and small helpers. */
import type { ReadEmail } from './mail-outbox.ts';
import type { TestPlatform } from './test-platform.ts';
export { expectProblem } from './expect-problem.ts';

export type Company = Awaited<ReturnType<TestPlatform['company']>>;
export type Member = { email: string; token: string };

export interface MessagingWorld {
  tp: TestPlatform;
  maker: Company;
  otherMaker: Company;
  shop: Company;
  otherShop: Company;
  /** A member of the shop with the viewer role. */
  shopViewer: Member;
  /** Two products of the maker. */
  products: string[];
  /** Two orders of the shop with the maker: the first holds both products, the second the first product. */
  orders: string[];
  /** The thread the shop started about the first order (set by the first messaging test). */
  threadId: string;
  markDelivered(orderId: string): Promise<unknown>;
  mailsTo(email: string): ReadEmail[];
}
