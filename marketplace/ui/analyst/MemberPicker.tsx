/**
 * Measures or dimensions to query, grouped by cube with their titles and descriptions, narrowed by a search.
 * Cubes whose members cannot join what is already selected are disabled and say why; what is selected is
 * listed on top with a remove button, since the list itself scrolls.
 */
import { useId, useMemo, useState } from 'react';
import { Field } from '../components/index.ts';
import { combinable, cubesWith, searchText, type CubeMeta, type MemberKind } from './cube-meta.ts';
import { analystMessages } from './messages.ts';

const m = analystMessages.explore;

export function MemberPicker(props: {
  meta: CubeMeta;
  kind: MemberKind;
  title: string;
  selected: string[];
  /** Every cube the query uses now (measures, dimensions, time, filters), for the join check. */
  usedCubes: ReadonlySet<string>;
  titleOf: (member: string) => string;
  onChange: (selected: string[]) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = cubesWith(props.meta, props.kind)
      .map(({ cube, members }) => {
        const shown = members.filter(
          (member) =>
            // Time dimensions have their own section, with a grouping and a range.
            member.type !== 'time' && words.every((w) => searchText(member, cube).includes(w)),
        );
        // A cube that cannot join the query is closed as a whole (unless the query already uses it).
        const closed =
          !members.some((member) => props.selected.includes(member.name)) &&
          !combinable(props.meta, props.usedCubes, cube);
        return { cube, members: shown, closed };
      })
      .filter((g) => g.members.length > 0);
    // What can still be added comes first; the model's order is kept otherwise.
    return [...found.filter((g) => !g.closed), ...found.filter((g) => g.closed)];
  }, [props.meta, props.kind, props.selected, props.usedCubes, search]);

  const toggle = (name: string, on: boolean) =>
    props.onChange(on ? [...props.selected, name] : props.selected.filter((s) => s !== name));

  return (
    <fieldset className="member-picker">
      <legend>
        {props.title} <span className="member-picker__count">{m.selected(props.selected.length)}</span>
      </legend>
      {props.selected.length > 0 && (
        <ul className="member-picker__chosen">
          {props.selected.map((name) => (
            <li key={name}>
              <span>{props.titleOf(name)}</span>
              <button
                type="button"
                className="member-picker__remove"
                aria-label={m.removeMember(props.titleOf(name))}
                onClick={() => toggle(name, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field
        label={m.search(props.title)}
        type="search"
        value={search}
        hint={m.searchHint}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="member-picker__list">
        {groups.length === 0 && <p className="member-picker__none">{m.noMatch}</p>}
        {groups.map(({ cube, members, closed }) => {
          const noteId = `${id}-${cube.name}`;
          return (
            <fieldset
              key={cube.name}
              className="member-picker__cube"
              disabled={closed}
              aria-describedby={closed ? noteId : undefined}
            >
              <legend>{cube.title}</legend>
              {closed ? (
                <p className="member-picker__cube-description" id={noteId}>
                  {m.cannotCombine}
                </p>
              ) : (
                cube.description && <p className="member-picker__cube-description">{cube.description}</p>
              )}
              {members.map((member) => {
                const inputId = `${id}-${member.name}`;
                const descriptionId = `${inputId}-description`;
                // The description is read after the name (aria-describedby), not as part of it.
                return (
                  <div key={member.name} className="member-option">
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={props.selected.includes(member.name)}
                      aria-describedby={member.description ? descriptionId : undefined}
                      onChange={(e) => toggle(member.name, e.target.checked)}
                    />
                    <label htmlFor={inputId} className="member-option__title">
                      {member.shortTitle}
                    </label>
                    {member.description && (
                      <span className="member-option__description" id={descriptionId}>
                        {member.description}
                      </span>
                    )}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
