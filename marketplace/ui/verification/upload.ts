/**
 * Sends a file as the raw request body with its own Content-Type and reports how much has gone. fetch() cannot
 * report upload progress, so this uses XMLHttpRequest, with the same rules as the session's fetch: the access
 * token from memory, one refresh and retry when the API says the token is no good, refusals as ApiError with
 * the problem's own text, and a network failure as a TypeError (which messageOf explains).
 */
import { loginMessages } from '../auth/messages.ts';
import { ApiError, type Session } from '../auth/session.ts';

interface Answer {
  status: number;
  text: string;
}

function send(
  path: string,
  body: Blob,
  contentType: string,
  token: string | null,
  onProgress: (fraction: number) => void,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('content-type', contentType);
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    // Never shown as they are: messageOf (data/useApi.ts) answers any TypeError with its own translated words.
    request.onerror = () => reject(new TypeError('The upload did not reach Wholesail.'));
    request.onabort = () => reject(new TypeError('The upload was interrupted.'));
    request.send(body);
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function uploadWithProgress<T>(
  session: Session,
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  let answer = await send(path, body, contentType, await session.token(), onProgress);
  if (answer.status === 401 && session.hasRefreshToken) {
    onProgress(0);
    answer = await send(path, body, contentType, await session.refresh(), onProgress);
  }
  const parsed = parseJson(answer.text);
  if (answer.status < 200 || answer.status >= 300) {
    const detail = typeof parsed.detail === 'string' ? parsed.detail : undefined;
    const title = typeof parsed.title === 'string' ? parsed.title : undefined;
    throw new ApiError(
      answer.status,
      // The same words as the session's own requests (auth/session.ts) when the problem has none.
      detail ?? title ?? loginMessages.serverAnswered(answer.status),
      typeof parsed.code === 'string' ? parsed.code : undefined,
      Array.isArray(parsed.fields) ? (parsed.fields as Array<{ field: string; message: string }>) : [],
    );
  }
  onProgress(1);
  return parsed as T;
}
