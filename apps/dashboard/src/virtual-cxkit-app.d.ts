declare module 'virtual:cxkit-app' {
  /** One loader per plugin that contributes panels, keyed by plugin id. */
  export const panelModules: Record<string, () => Promise<unknown>>
  /** `locale` null: the bundle leaves the language to the browser. */
  export const app: { productName: string; locale: 'en' | 'nl' | null; cssVars: Record<string, string> }
}
