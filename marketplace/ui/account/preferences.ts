/** Notification preferences as the page edits them: one row per kind the API lists, two channels each. */

export interface NotificationPreference {
  kind: string;
  inApp: boolean;
  email: boolean;
}

export type Channel = 'inApp' | 'email';

/** `preferences` with one kind's channel set to `on` (a new array: React state). */
export const withChannel = (
  preferences: NotificationPreference[],
  kind: string,
  channel: Channel,
  on: boolean,
): NotificationPreference[] => preferences.map((p) => (p.kind === kind ? { ...p, [channel]: on } : p));

/**
 * The rows of `edited` that differ from `saved`. Only these are sent: the API keeps the kinds a PUT does not
 * name, so a save here never overwrites what the same person changed meanwhile for other kinds in another tab.
 */
export function changedPreferences(
  saved: NotificationPreference[],
  edited: NotificationPreference[],
): NotificationPreference[] {
  const before = new Map(saved.map((p) => [p.kind, p]));
  return edited.filter((p) => {
    const was = before.get(p.kind);
    return !was || was.inApp !== p.inApp || was.email !== p.email;
  });
}
