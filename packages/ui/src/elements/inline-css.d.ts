/** Vite turns `*.css?inline` imports into the stylesheet's text. */
declare module '*.css?inline' {
  const css: string
  export default css
}
