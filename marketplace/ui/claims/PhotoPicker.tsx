/**
 * Choosing photos for a claim: several at once, each previewed, each removable, and every file the API would
 * refuse (type, size, count) turned away at once with the reason next to the picker. Previews are object URLs
 * of the chosen files, released when a file is removed or the picker goes away.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../components/index.ts';
import { EVIDENCE_TYPES, MAX_PHOTO_BYTES, MAX_PHOTOS, photoProblem } from './claim-rules.ts';
import { claimMessages as m } from './messages.ts';

const MB = MAX_PHOTO_BYTES / 1024 / 1024;

export function refusalText(name: string, problem: NonNullable<ReturnType<typeof photoProblem>>) {
  return problem === 'size'
    ? m.photoRefused.size(name, MB)
    : problem === 'count'
      ? m.photoRefused.count(name, MAX_PHOTOS)
      : m.photoRefused[problem](name);
}

export function PhotoPicker(props: {
  photos: File[];
  onChange: (photos: File[]) => void;
  /** Photos the claim already holds: they count towards the limit. */
  alreadyOnClaim?: number;
  disabled?: boolean;
}) {
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const previews = useMemo(() => props.photos.map((file) => URL.createObjectURL(file)), [props.photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  const add = (files: File[]) => {
    const kept = [...props.photos];
    const problems: string[] = [];
    for (const file of files) {
      const problem = photoProblem(file, kept.length + (props.alreadyOnClaim ?? 0));
      if (problem) problems.push(refusalText(file.name, problem));
      else kept.push(file);
    }
    setRefused(problems);
    props.onChange(kept);
    if (input.current) input.current.value = '';
  };

  return (
    <fieldset className="claim-photos">
      <legend>{m.photos}</legend>
      <p className="ws-field__hint" id={hintId}>
        {m.photosHint(MAX_PHOTOS, MB)}
      </p>
      {props.photos.length > 0 && (
        <ul className="claim-photo-grid">
          {props.photos.map((file, i) => (
            <li key={`${file.name}-${i}`} className="claim-photo">
              <img className="claim-photo__img" src={previews[i]} alt={m.photoPreview(file.name)} />
              <span className="claim-photo__name">{file.name}</span>
              <Button
                variant="ghost"
                aria-label={m.removePhoto(file.name)}
                disabled={props.disabled}
                onClick={() => {
                  setRefused([]);
                  props.onChange(props.photos.filter((_, j) => j !== i));
                }}
              >
                {m.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <div role="alert">
          <ul className="claim-photo-refusals">
            {refused.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <label className="ws-button ws-button--secondary claim-file-button">
        {m.addPhotos}
        <input
          ref={input}
          type="file"
          multiple
          accept={EVIDENCE_TYPES.join(',')}
          className="visually-hidden"
          aria-describedby={hintId}
          disabled={props.disabled}
          onChange={(e) => add([...(e.target.files ?? [])])}
        />
      </label>
    </fieldset>
  );
}
