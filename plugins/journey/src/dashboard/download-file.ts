/**
 * Offers a file to the user as a download, named `name`. The object URL is released once the click
 * has been handled.
 *
 * @example
 * downloadFile(new Blob([svg], { type: 'image/svg+xml' }), 'starter.svg')
 */
export function downloadFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

/** The largest side of the PNG, in pixels: a canvas past ~16k pixels fails in browsers. */
const maxCanvasSide = 16_000

/**
 * Draws an SVG document onto a canvas and encodes it as PNG, at `scale` (2: sharp on high-density
 * screens and in print) unless that would pass the browser's canvas limits. The SVG is loaded as a
 * `data:` URL, which the dashboard's Content-Security-Policy allows for images; no library needed.
 *
 * @example
 * downloadFile(await svgToPng(svg), 'starter.png')
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image()
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await image.decode()
  const width = image.naturalWidth || 1
  const height = image.naturalHeight || 1
  const factor = Math.min(scale, maxCanvasSide / width, maxCanvasSide / height)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.floor(width * factor))
  canvas.height = Math.max(1, Math.floor(height * factor))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('this browser cannot draw on a canvas')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png'),
  )
}
