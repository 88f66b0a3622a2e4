/**
 * The text a PDF shows, read back without a PDF library: each content stream is inflated (pdfkit compresses
 * them with Flate) and the strings of its text operators (TJ, Tj) decoded from WinAnsi, the encoding of the
 * standard fonts. Enough to assert that a number or an amount is printed; not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

const winAnsi = new TextDecoder('windows-1252');

function decodeOperand(operand: string): string {
  const hex = [...operand.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
  if (hex) return winAnsi.decode(Buffer.from(hex, 'hex'));
  // Literal strings "(...)": unescape \( \) \\ only, which is all pdfkit writes.
  return [...operand.matchAll(/\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('');
}

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/<<((?:(?!>>)[\s\S])*)>>\s*stream\r?\n/g)) {
    const length = /\/Length (\d+)/.exec(match[1]!);
    if (!length) continue;
    const start = match.index + match[0].length;
    const bytes = pdf.subarray(start, start + Number(length[1]));
    const content = (match[1]!.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
    for (const op of content.matchAll(/(\[[^\]]*\]|<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*T[Jj]/g))
      lines.push(decodeOperand(op[1]!));
  }
  return lines.join('\n');
}
