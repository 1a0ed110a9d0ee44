import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_PHOTO_BYTES, PHOTO_HASH, PhotoStore, photoType, sha256 } from '../blobs';
import { RelayError } from '../../protocol/relay-error';
import { checkPhoto } from '../photo-check';
import type { RelayServices } from '../services';
import type { Principal } from '../tokens';
import { sendError, sendJson } from './json';
import { requireId } from './validate';

const PATH = /^\/api\/classes\/([^/]+)\/students\/([^/]+)\/blobs\/([^/]+)$/;

/** A path segment, percent-decoded; a malformed escape (`%zz`) is the client's mistake: 400. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new RelayError(400, 'invalid-path', 'The photo path has a malformed % escape.');
  }
}

function bearer(req: IncomingMessage): string | null {
  const match = req.headers.authorization ? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization) : null;
  return match?.[1] ?? null;
}

/** The student themself (a token for that class) or a teacher of the class; anyone else gets 404 as if nothing were there. */
function requireAccess(s: RelayServices, p: Principal, classId: string, studentId: string): void {
  if (p.role === 'student' && p.subject === studentId && p.classIds.includes(classId)) return;
  if (p.role === 'teacher') {
    s.classes.requireTaught(classId, p.subject);
    return;
  }
  throw new RelayError(404, 'unknown-photo', 'No such photo for you.');
}

async function readBytes(req: IncomingMessage): Promise<Uint8Array> {
  const tooLarge = () => new RelayError(413, 'photo-too-large', `A photo may be at most ${MAX_PHOTO_BYTES} bytes: shrink it first.`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PHOTO_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Photos of evidence, as raw bytes (the JSON router answers JSON only):
 * `PUT /api/classes/:id/students/:sid/blobs/:hash` stores a photo whose sha-256 is `:hash`;
 * `GET` of the same path returns it. Returns false for any other path, so the JSON API handles it.
 */
export function blobApi(s: RelayServices): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const c = s.config;
  const photos = new PhotoStore(c.dataDir, {
    perStudentCount: c.maxPhotosPerStudent,
    perStudentBytes: c.maxPhotoBytesPerStudent,
    perClassCount: c.maxPhotosPerClass,
    perClassBytes: c.maxPhotoBytesPerClass,
  });
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    try {
      const classId = requireId(decodePart(match[1]!), 'The class id');
      const studentId = requireId(decodePart(match[2]!), 'The student id');
      const hash = decodePart(match[3]!);
      if (!PHOTO_HASH.test(hash)) throw new RelayError(400, 'invalid-hash', 'A photo is named by the sha-256 of its bytes, in lowercase hex.');
      if (req.method !== 'PUT' && req.method !== 'GET') {
        throw new RelayError(405, 'method-not-allowed', 'Use GET or PUT for a photo.', { Allow: 'GET, PUT' });
      }
      const principal = await s.tokens.verify(bearer(req));
      requireAccess(s, principal, classId, studentId);
      if (req.method === 'PUT') {
        const bytes = await readBytes(req);
        if (sha256(bytes) !== hash) throw new RelayError(400, 'hash-mismatch', 'The photo does not match its name: it may have been damaged on the way. Send it again.');
        if (!checkPhoto(bytes)) throw new RelayError(415, 'not-a-photo', 'Only whole, well-formed JPEG, PNG and WebP photos are kept.');
        const created = await photos.put(classId, studentId, hash, bytes);
        sendJson(res, created ? 201 : 200, { hash, size: bytes.length, stored: true });
        return true;
      }
      const bytes = await photos.get(classId, studentId, hash);
      if (!bytes) throw new RelayError(404, 'unknown-photo', 'No such photo for you.');
      res.writeHead(200, {
        'Content-Type': photoType(bytes) ?? 'application/octet-stream',
        'Content-Length': bytes.length,
        // The name is the content: it can never change, so devices may keep it for good.
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(bytes);
    } catch (error) {
      if (error instanceof RelayError && error.status === 413) res.setHeader('Connection', 'close');
      sendError(res, error);
    }
    return true;
  };
}
