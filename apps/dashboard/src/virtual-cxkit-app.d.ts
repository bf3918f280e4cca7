declare module 'virtual:cxkit-app' {
  /** One loader per plugin that contributes panels, keyed by plugin id. */
  export const panelModules: Record<string, () => Promise<unknown>>
  export const app: { productName: string; locale: 'en' | 'nl'; cssVars: Record<string, string> }
}
