/**
 * Whether this browser can draw WebGL2 (deck.gl 9 needs it). Asked before the map's chunk is fetched, so a
 * browser without it downloads nothing and reads a message instead of staring at an empty box.
 */
let answer: boolean | undefined;

export function webgl2Available(): boolean {
  if (answer !== undefined) return answer;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    answer = gl !== null;
    // Give the probe's context back at once: browsers cap live contexts and the map needs one.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    answer = false;
  }
  return answer;
}
