import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
// The multipart plugin's request methods (isMultipart, file) as its routes register it.
import type {} from '@fastify/multipart';
import sharp, { type Metadata } from 'sharp';
import { AVATAR_INPUT_FORMATS, AVATAR_SIZE_PX, LIMITS } from '@wt/schemas';
import { profileErrors } from './errors';

/** A decompression bomb (a tiny file that decodes to a huge bitmap) is refused before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface ProcessedAvatar {
  bytes: Buffer;
  contentType: 'image/webp';
  /** First 32 hex digits of the SHA-256 of the WebP: the storage key changes with the picture. */
  hash: string;
}

/** The format sharp finds in the bytes; AVIF is reported as HEIF with AV1 compression. */
function detectedFormat(meta: Metadata): string | undefined {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : 'heic';
  return meta.format;
}

/**
 * Checks an upload and turns it into the stored avatar: the type is read from the bytes (never the file
 * name or the declared type), then the picture is turned upright, cropped to a square (cover) of
 * AVATAR_SIZE_PX and re-encoded as WebP, which also drops any metadata (EXIF location, comments).
 */
export async function processAvatar(
  input: Buffer,
  maxBytes: number = LIMITS.avatarMaxBytes,
  /** The stored picture's size: a square avatar by default; a series cover is portrait. */
  box: { width: number; height: number } = { width: AVATAR_SIZE_PX, height: AVATAR_SIZE_PX },
): Promise<ProcessedAvatar> {
  if (input.length === 0) throw profileErrors.avatarMissing();
  if (input.length > maxBytes) throw profileErrors.avatarTooLarge(maxBytes);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw profileErrors.avatarNotAnImage();
  }
  const format = detectedFormat(meta);
  if (!format) throw profileErrors.avatarNotAnImage();
  if (!(AVATAR_INPUT_FORMATS as readonly string[]).includes(format)) throw profileErrors.avatarUnsupported(format);
  let bytes: Buffer;
  try {
    bytes = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(box.width, box.height, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    // Valid headers over broken pixel data (a truncated file) end here.
    throw profileErrors.avatarNotAnImage();
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return { bytes, contentType: 'image/webp', hash };
}

/** The one file of a multipart avatar upload (the profile's and a guild's), refused as a sentence when missing or too large. */
export async function readAvatarUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw profileErrors.avatarMissing();
  const file = await request.file();
  if (!file) throw profileErrors.avatarMissing();
  try {
    return await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw profileErrors.avatarTooLarge(LIMITS.avatarMaxBytes);
    throw err;
  }
}
