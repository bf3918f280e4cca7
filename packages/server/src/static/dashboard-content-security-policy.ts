import { createHash } from 'node:crypto'

/** The `'sha256-…'` source of each inline `<tag>` element of a page. */
function inlineHashes(html: string, tag: 'style' | 'script'): string[] {
  const pattern = new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi')
  return [...html.matchAll(pattern)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64')}'`,
  )
}

/**
 * The dashboard's Content-Security-Policy: its own scripts, styles, images and API only, the inline
 * `<style>` and `<script>` of its `index.html` by hash, no plugins, never framed.
 *
 * @example
 * dashboardContentSecurityPolicy(readFileSync('dist/index.html', 'utf8'))
 */
export function dashboardContentSecurityPolicy(indexHtml: string): string {
  const scripts = ["'self'", ...inlineHashes(indexHtml, 'script')]
  const styles = ["'self'", ...inlineHashes(indexHtml, 'style')]
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.join(' ')}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
