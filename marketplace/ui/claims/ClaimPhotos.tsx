/**
 * A claim's photos as thumbnails (fetched with the session), and, for the claim's buyer or manufacturer while it
 * is open, a picker that adds more: each file checked as the API checks it, then sent; what the API refused is
 * said next to the picker in its words.
 */
import { useRef, useState } from 'react';
import { useSession } from '../auth/SessionContext.tsx';
import { Card, Notice } from '../components/index.ts';
import { EVIDENCE_TYPES, MAX_PHOTO_BYTES, MAX_PHOTOS, photoProblem } from './claim-rules.ts';
import { addEvidenceAll } from './evidence-upload.ts';
import { EvidenceImage } from './EvidenceImage.tsx';
import { claimMessages as m } from './messages.ts';
import { refusalText } from './PhotoPicker.tsx';
import type { ClaimDetails, ClaimSide } from './types.ts';

export function ClaimPhotos(props: {
  claim: ClaimDetails;
  side: ClaimSide;
  mayAdd: boolean;
  /** Photos the claim form could not add, to be tried again here. */
  refusedEarlier?: Array<{ name: string; why: string }>;
  onAdded: () => Promise<void>;
}) {
  const { claim } = props;
  const { session } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; title?: string; lines: string[] } | null>(
    props.refusedEarlier?.length
      ? {
          ok: false,
          title: m.photosNotAdded,
          lines: [...props.refusedEarlier.map((r) => m.photoNotAdded(r.name, r.why)), m.photosNotAddedHint],
        }
      : null,
  );
  const hintId = `claim-photos-hint-${claim.id}`;

  const add = async (files: File[]) => {
    const refused: string[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const problem = photoProblem(file, claim.evidence.length + accepted.length);
      if (problem) refused.push(refusalText(file.name, problem));
      else accepted.push(file);
    }
    setOutcome(null);
    if (accepted.length > 0) {
      const apiRefused = await addEvidenceAll(session, claim.id, accepted, (i) =>
        setBusy(m.uploading(i, accepted.length)),
      );
      refused.push(...apiRefused.map((r) => m.photoNotAdded(r.name, r.why)));
      await props.onAdded();
      setBusy(null);
    }
    if (input.current) input.current.value = '';
    setOutcome(refused.length > 0 ? { ok: false, lines: refused } : { ok: true, lines: [m.photoAdded] });
  };

  return (
    <Card title={m.photos}>
      {claim.evidence.length === 0 ? (
        <p className="muted">{m.noPhotos}</p>
      ) : (
        <ul className="claim-photo-grid" data-testid="claim-photos">
          {claim.evidence.map((e, i) => (
            <li key={e.id} className="claim-photo">
              <EvidenceImage
                src={e.url}
                alt={m.photoAlt(i + 1, e.uploadedBy === props.side ? m.you : m.by[e.uploadedBy])}
              />
            </li>
          ))}
        </ul>
      )}
      {outcome && (
        <Notice
          tone={outcome.ok ? 'positive' : 'negative'}
          title={outcome.ok ? undefined : (outcome.title ?? m.photoNotAccepted)}
          alert
        >
          {outcome.lines.length === 1 ? (
            outcome.lines[0]
          ) : (
            <ul>
              {outcome.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {props.mayAdd && claim.evidence.length < MAX_PHOTOS && (
        <div className="claim-add-photo">
          <p className="ws-field__hint" id={hintId}>
            {m.photosHint(MAX_PHOTOS, MAX_PHOTO_BYTES / 1024 / 1024)}
          </p>
          <label className="ws-button ws-button--secondary claim-file-button">
            {busy ?? m.addPhoto}
            <input
              ref={input}
              type="file"
              multiple
              accept={EVIDENCE_TYPES.join(',')}
              className="visually-hidden"
              aria-describedby={hintId}
              disabled={busy !== null}
              onChange={(e) => void add([...(e.target.files ?? [])])}
            />
          </label>
        </div>
      )}
    </Card>
  );
}
