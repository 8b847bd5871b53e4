/** The SHA-256 of some bytes or text, as 64 hex digits (manifest, caches, the archive database). */
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
