/**
 * "The unread count may have changed": said by the pages that move a read marker (opening a thread, reading new
 * replies), heard by the navigation badge, which then asks the API again instead of waiting for its next poll.
 * A window event rather than a React context, so the shell needs no provider around it and the lazy inbox chunk
 * needs nothing from the shell.
 */
export const UNREAD_CHANGED = 'wholesail:unread-messages-changed';

export const announceUnreadChanged = () => window.dispatchEvent(new Event(UNREAD_CHANGED));
