import { Fragment, useId, type CSSProperties } from 'react';
import { locale, LOCALE_NAMES, LOCALES, saveLocale, type Locale } from './locale.ts';

/** The label names the control in each language we speak, so whoever cannot read the current one finds it. */
const LABEL: Array<[Locale, string]> = [
  ['en', 'Language'],
  ['es', 'Idioma'],
  ['fr', 'Langue'],
];

/**
 * Choose the app's language. The choice is saved and the page reloads: every module reads its words once at
 * start-up, so a reload is what switches them all (switching is rare; signed-in users stay signed in, since the
 * session survives a reload). Where to show it is the parent's business (`className`, `style`).
 */
export function LanguageSwitcher(props: { className?: string; style?: CSSProperties }) {
  const id = useId();
  return (
    <div className={['inline-field', props.className].filter(Boolean).join(' ')} style={props.style}>
      <label htmlFor={id}>
        {LABEL.map(([lang, word], i) => (
          <Fragment key={lang}>
            {i > 0 && ' / '}
            <span lang={lang}>{word}</span>
          </Fragment>
        ))}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          // When the browser refuses to store the choice a reload would change nothing: the select snaps back.
          if (next !== locale && saveLocale(next)) window.location.reload();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
