import { validationError } from './errors.ts';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Proof-of-concept material we accept, recognised by content, not only by the declared type:
 * executables are refused whatever they are called.
 */
const accepted: Record<string, { sniff: (b: Buffer) => boolean; label: string }> = {
  'text/plain': { sniff: (b) => isText(b), label: 'plain text (scripts, logs, code)' },
  'application/json': { sniff: (b) => isText(b) && parses(b), label: 'JSON' },
  'application/pdf': { sniff: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', label: 'PDF' },
  'image/png': { sniff: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')), label: 'PNG' },
  'image/jpeg': { sniff: (b) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')), label: 'JPEG' },
  'application/zip': { sniff: (b) => b.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')), label: 'ZIP' },
  'application/vnd.tcpdump.pcap': {
    sniff: (b) => ['a1b2c3d4', 'd4c3b2a1', '0a0d0d0a'].includes(b.subarray(0, 4).toString('hex')),
    label: 'packet capture',
  },
};
export const acceptedMediaTypes = Object.keys(accepted);

function isText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
function parses(b: Buffer): boolean {
  try {
    JSON.parse(b.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
const isExecutable = (b: Buffer) =>
  b.subarray(0, 2).toString('latin1') === 'MZ' || b.subarray(0, 4).equals(Buffer.from('7f454c46', 'hex'));

/**
 * Refuses a file that is empty, too large, an executable, of a type not accepted, or not what its type says. The
 * error points into the request body at `at` (e.g. `/attachments/1`): its `contentBase64` or `mediaType`.
 */
export function checkAttachment(filename: string, mediaType: string, content: Buffer, at = ''): void {
  const bad = (detail: string, field = 'contentBase64') =>
    validationError('attachment.rejected', `${filename}: ${detail}`, [{ pointer: `${at}/${field}`, detail }]);
  if (content.length === 0) throw bad('the file is empty');
  if (content.length > ATTACHMENT_MAX_BYTES) {
    throw bad(`the file has ${content.length} bytes; at most ${ATTACHMENT_MAX_BYTES} are accepted`);
  }
  if (isExecutable(content)) throw bad('executables are not accepted; send the source or a packed archive instead');
  const kind = accepted[mediaType];
  if (!kind) throw bad(`type ${mediaType} is not accepted (accepted: ${acceptedMediaTypes.join(', ')})`, 'mediaType');
  if (!kind.sniff(content)) throw bad(`the content is not ${kind.label} as declared`, 'mediaType');
}
