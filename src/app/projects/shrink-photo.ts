/** A photo on a phone is several MB; kept and sent at this size it is still clear evidence. */
export const MAX_SIDE = 1600;
export const MAX_PHOTO_BYTES = 300 * 1024;
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45, 0.35];

export class PhotoUnreadableError extends Error {
  override name = 'PhotoUnreadableError';
}

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoUnreadableError('could not encode the photo'))), 'image/jpeg', quality),
  );
}

/**
 * Shrinks a photo on the device: long side at most 1600 px, then JPEG at falling quality until it
 * is at most 300 KB (and smaller dimensions if even the lowest quality is too big). The camera's
 * orientation is applied by createImageBitmap ('from-image'), so the photo is the right way up.
 */
export async function shrinkPhoto(file: Blob, maxSide = MAX_SIDE, maxBytes = MAX_PHOTO_BYTES): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new PhotoUnreadableError(`not a photo this device can read (${String(error)})`);
  }
  try {
    let scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    for (let attempt = 0; attempt < 6; attempt++) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = canvasOf(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new PhotoUnreadableError('no drawing surface on this device');
      context.drawImage(bitmap, 0, 0, width, height);
      for (const quality of QUALITIES) {
        const blob = await toJpeg(canvas, quality);
        if (blob.size <= maxBytes) return blob;
      }
      scale *= 0.7;
    }
    throw new PhotoUnreadableError('the photo could not be made small enough');
  } finally {
    bitmap.close();
  }
}
