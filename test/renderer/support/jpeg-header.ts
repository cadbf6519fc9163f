/** Data URLs of JPEG headers for renderer tests: the size is read, the picture never decoded. */

export const jpegDataUrl = (bytes: number[]): string =>
  `data:image/jpeg;base64,${btoa(String.fromCharCode(...bytes))}`

/** SOI, an APP1 segment, a fill byte, a DHT, then SOFn (`marker`) declaring width×height, EOI. */
export function jpegHeader(width: number, height: number, marker = 0xc0): string {
  // prettier-ignore
  return jpegDataUrl([
    0xff, 0xd8,
    0xff, 0xe1, 0x00, 0x04, 0x00, 0x00,
    0xff,
    0xff, 0xc4, 0x00, 0x03, 0x00,
    0xff, marker, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xd9,
  ])
}
