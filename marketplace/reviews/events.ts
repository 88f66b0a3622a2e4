/**
 * Events the reviews context emits. Payload schemas are registered in ingest/events/catalog.ts.
 * Ratings travel (the warehouse averages them); review text does not.
 */
export const REVIEW_POSTED = 'review.posted';

export interface ReviewPostedV1 {
  reviewId: string;
  orderId: string;
  buyerCompanyId: string;
  manufacturerCompanyId: string;
  /** The buyer's rating of the manufacturer, 1-5. */
  rating: number;
  products: Array<{ productId: string; rating: number }>;
  postedAt: string;
}

export const REVIEW_REPLIED = 'review.replied';

export interface ReviewRepliedV1 {
  reviewId: string;
  orderId: string;
  buyerCompanyId: string;
  manufacturerCompanyId: string;
  repliedAt: string;
}
