/**
 * Sends one photo to a claim: the file itself as the body with its own Content-Type (the API takes no
 * multipart), through the session so the token is added and refreshed like any other request. The API checks
 * the bytes, so a text file named .png is refused in its words (ApiError), not stored.
 */
import type { Session } from '../auth/session.ts';
import { messageOf } from '../data/useApi.ts';

export const addEvidence = (session: Session, claimId: string, file: File) =>
  session.fetchOk(`/api/v1/claims/${claimId}/evidence`, {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });

/** Uploads each file in turn (the API counts them under the claim's lock); what was refused, with why. */
export async function addEvidenceAll(
  session: Session,
  claimId: string,
  files: File[],
  onProgress: (index: number) => void,
): Promise<Array<{ name: string; why: string }>> {
  const refused: Array<{ name: string; why: string }> = [];
  for (const [i, file] of files.entries()) {
    onProgress(i + 1);
    await addEvidence(session, claimId, file).catch((error: unknown) =>
      refused.push({ name: file.name, why: messageOf(error) }),
    );
  }
  return refused;
}
