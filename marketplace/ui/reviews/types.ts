/** Reviews as the API answers them (api/routes/review-routes.ts, rating-routes.ts). */
export interface Reply {
  body: string;
  repliedAt: string;
}

/** A whole order's review: the manufacturer's rating, and the products the buyer chose to rate. */
export interface Review {
  id: string;
  orderId?: string;
  manufacturerId: string;
  rating: number;
  body: string | null;
  createdAt: string;
  products: Array<{ productId: string; productName: string; rating: number; body: string | null }>;
  reply: Reply | null;
}

/** One product's rating within a review (`reviewId` is the review a reply answers). */
export interface ProductReview {
  id: string;
  reviewId: string;
  rating: number;
  body: string | null;
  createdAt: string;
  reply: Reply | null;
}

export interface ReviewPage<T> {
  averageRating: number | null;
  reviewCount: number;
  items: T[];
}

export interface RatingDistribution {
  reviewCount: number;
  averageRating: number | null;
  stars: Array<{ stars: number; count: number }>;
}
