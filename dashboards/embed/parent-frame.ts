/**
 * Talking to the page that frames us. Out: `{ type: 'wholesail:resize', height }` whenever our content's height
 * changes, and `{ type: 'wholesail:error', code }` when we show an error page instead of the dashboard. In:
 * `{ type: 'wholesail:theme', theme: { 'color-accent': '#c23b6f', ... } }` to restyle us.
 */
import { useEffect } from 'react';
import { pickTheme, type Theme } from './theme-variables.ts';

export type EmbedMessage =
  { type: 'wholesail:resize'; height: number } | { type: 'wholesail:error'; code: string };

export const isFramed = (): boolean => window.parent !== window;

/** The framing page's origin: exact where the browser tells it (ancestorOrigins), else from the referrer. */
export function parentOrigin(): string | undefined {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? undefined;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

// A height and an error code are no secrets, and not every browser tells us the parent's origin: any target.
export function postToParent(message: EmbedMessage) {
  if (isFramed()) window.parent.postMessage(message, '*');
}

/** Reports the element's height to the parent when it changes, so the iframe can be exactly as tall. */
export function useReportHeight(element: HTMLElement | null) {
  useEffect(() => {
    if (!element) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      postToParent({ type: 'wholesail:resize', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [element]);
}

/**
 * Theme messages from the parent, from the allowed origins only when the token names some. A theme is harmless
 * (pickTheme keeps known variables with safe values), but a site that may not frame us may not restyle us either.
 */
export function useParentTheme(allowedOrigins: string[] | undefined, onTheme: (theme: Theme) => void) {
  useEffect(() => {
    const listener = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      if (allowedOrigins?.length && !allowedOrigins.includes(event.origin)) return;
      const data = event.data as { type?: unknown; theme?: unknown } | null;
      if (data?.type !== 'wholesail:theme' || typeof data.theme !== 'object' || data.theme === null) return;
      onTheme(pickTheme(Object.entries(data.theme)));
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [allowedOrigins, onTheme]);
}

/** Sets the design tokens on the document, where every component and chart reads them. */
export function applyTheme(theme: Theme) {
  for (const [name, value] of Object.entries(theme))
    document.documentElement.style.setProperty(`--${name}`, value);
}
