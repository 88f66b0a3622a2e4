import { sql, type Kysely } from 'kysely';

/**
 * Messaging, reviews and in-app notifications.
 *
 * - Threads join exactly one retailer and one manufacturer (optionally about one of their orders); messages are
 *   plain text. Read markers are per user: unread = messages after the marker that someone else wrote.
 * - Reviews: one per order (the UNIQUE is the 409), rating the manufacturer, with per-product ratings beside it
 *   and at most one manufacturer reply. Averages come from two views, so the catalog can later copy them into
 *   rating columns without changing who computes them.
 * - Notifications per user, preferences per user and kind (no row = defaults: in-app and email on), and
 *   short-lived tickets that let a browser's EventSource open the live stream without putting the access token
 *   in a URL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE message_threads (
  id uuid PRIMARY KEY,
  retailer_company_id uuid NOT NULL REFERENCES companies(id),
  manufacturer_company_id uuid NOT NULL REFERENCES companies(id),
  order_id uuid REFERENCES orders(id),
  subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  last_message_at timestamptz NOT NULL,
  message_count integer NOT NULL DEFAULT 0
)`,
    `CREATE INDEX message_threads_retailer_idx ON message_threads (retailer_company_id, last_message_at DESC, id)`,
    `CREATE INDEX message_threads_manufacturer_idx ON message_threads (manufacturer_company_id, last_message_at DESC, id)`,
    `CREATE INDEX message_threads_order_idx ON message_threads (order_id) WHERE order_id IS NOT NULL`,
    `CREATE TABLE messages (
  id uuid PRIMARY KEY,
  thread_id uuid NOT NULL REFERENCES message_threads(id),
  sender_user_id uuid NOT NULL REFERENCES users(id),
  sender_company_id uuid NOT NULL REFERENCES companies(id),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL
)`,
    `-- Message ids are UUIDv7 drawn under the thread's row lock, so within a thread id order is commit order.
CREATE INDEX messages_thread_idx ON messages (thread_id, id)`,
    `CREATE TABLE message_reads (
  thread_id uuid NOT NULL REFERENCES message_threads(id),
  user_id uuid NOT NULL REFERENCES users(id),
  last_read_message_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (thread_id, user_id)
)`,
    `CREATE TABLE reviews (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES orders(id),
  buyer_company_id uuid NOT NULL REFERENCES companies(id),
  manufacturer_company_id uuid NOT NULL REFERENCES companies(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body text CHECK (char_length(body) <= 5000),
  created_at timestamptz NOT NULL,
  reply_body text CHECK (char_length(reply_body) <= 5000),
  reply_author_user_id uuid REFERENCES users(id),
  replied_at timestamptz
)`,
    `CREATE INDEX reviews_manufacturer_idx ON reviews (manufacturer_company_id, created_at DESC, id)`,
    `CREATE TABLE product_reviews (
  id uuid PRIMARY KEY,
  review_id uuid NOT NULL REFERENCES reviews(id),
  order_id uuid NOT NULL REFERENCES orders(id),
  product_id uuid NOT NULL REFERENCES products(id),
  manufacturer_company_id uuid NOT NULL REFERENCES companies(id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body text CHECK (char_length(body) <= 5000),
  created_at timestamptz NOT NULL,
  UNIQUE (order_id, product_id)
)`,
    `CREATE INDEX product_reviews_product_idx ON product_reviews (product_id, created_at DESC, id)`,
    `CREATE VIEW manufacturer_ratings AS
  SELECT manufacturer_company_id, count(*)::int AS review_count, round(avg(rating), 2)::text AS average_rating
  FROM reviews GROUP BY manufacturer_company_id`,
    `CREATE VIEW product_ratings AS
  SELECT product_id, count(*)::int AS review_count, round(avg(rating), 2)::text AS average_rating
  FROM product_reviews GROUP BY product_id`,
    `CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz
)`,
    `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)`,
    `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    `CREATE TABLE notification_preferences (
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  in_app boolean NOT NULL,
  email boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
)`,
    `CREATE TABLE notification_stream_tickets (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  session_id text,
  expires_at timestamptz NOT NULL
)`,
    `CREATE INDEX notification_stream_tickets_expiry_idx ON notification_stream_tickets (expires_at)`,
  ];
  // One statement per call: the Postgres driver prepares statements, and a prepared statement holds one command.
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `DROP VIEW product_ratings, manufacturer_ratings`,
    `DROP TABLE notification_stream_tickets, notification_preferences, notifications`,
    `DROP TABLE product_reviews, reviews`,
    `DROP TABLE message_reads, messages, message_threads`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
