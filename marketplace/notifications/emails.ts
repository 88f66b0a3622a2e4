/** The notification email: plain text, the notification itself and one link back into Wholesail. */
import type { Email } from './mailer.ts';

const sign =
  '\n\n-- \nWholesail, the wholesale marketplace\nChange which emails you get under Settings > Notifications.\n';

export const notificationEmail = (
  to: string,
  notification: { title: string; body: string; link: string | null },
  publicUrl: string,
): Email => ({
  to,
  subject: notification.title,
  text: `${notification.body}${notification.link ? `\n\nOpen it in Wholesail:\n\n${new URL(notification.link, publicUrl).href}` : ''}${sign}`,
});
