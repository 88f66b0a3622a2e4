/**
 * The design tokens (marketplace/ui/styles/tokens.css) an embedding site may override, by the variable's name
 * without its leading `--`. Colours, the font and the corner radii: enough to match a host page, not enough to
 * rearrange the layout. Shared by the API (which checks the `theme` of a token request) and the embed page (which
 * applies query parameters and postMessage themes), so both accept exactly the same.
 */
export const THEME_VARIABLES = [
  'color-bg',
  'color-surface',
  'color-surface-muted',
  'color-border',
  'color-ink',
  'color-ink-muted',
  'color-accent',
  'color-accent-strong',
  'color-accent-soft',
  'color-on-accent',
  'color-positive',
  'color-negative',
  'color-chart-1',
  'color-chart-2',
  'color-chart-3',
  'color-chart-4',
  'color-chart-5',
  'color-chart-6',
  'color-chart-7',
  'color-chart-8',
  'font-sans',
  'radius-sm',
  'radius-md',
  'radius-lg',
] as const;

export type ThemeVariable = (typeof THEME_VARIABLES)[number];

export type Theme = Partial<Record<ThemeVariable, string>>;

/**
 * A value that can only ever be a colour, a font list or a length: no `url(` (no request to another site), no
 * `;`, braces or backslashes (nothing that could end the declaration), at most 100 characters.
 */
const SAFE_VALUE = /^[A-Za-z0-9#%.,()\s'"/+-]{1,100}$/;

export const isThemeValue = (value: string): boolean => SAFE_VALUE.test(value) && !/url\s*\(/i.test(value);

export const isThemeVariable = (name: string): name is ThemeVariable =>
  (THEME_VARIABLES as readonly string[]).includes(name);

/** The entries of an untrusted record that name a known variable with a safe value; the rest are dropped. */
export function pickTheme(entries: Iterable<[string, unknown]>): Theme {
  const theme: Theme = {};
  for (const [name, value] of entries)
    if (isThemeVariable(name) && typeof value === 'string' && isThemeValue(value)) theme[name] = value;
  return theme;
}
