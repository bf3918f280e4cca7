import type { PluginDescription } from '@cxkit/ui'

/** Why a panel or page cannot be shown; the card that replaces it says so in the reader's language. */
export type PanelFailure =
  | { reason: 'not-built' }
  | { reason: 'import-failed'; detail: string }
  | { reason: 'not-defined'; seconds: number }

export type PanelState = { status: 'ready' } | ({ status: 'failed' } & PanelFailure)

/** How long a plugin's module may take to define its tags after it loaded. */
export const defineTimeoutMs = 2_000

interface ElementRegistry {
  whenDefined(tag: string): Promise<unknown>
}

/** Resolves true once `tag` is defined, false if it is not within `ms` (a module that defines it later is late). */
function definedWithin(registry: ElementRegistry, tag: string, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  return Promise.race([registry.whenDefined(tag).then(() => true), timeout]).finally(() => clearTimeout(timer))
}

/**
 * Loads the panel module of each plugin in the registry and waits up to {@link defineTimeoutMs} for it to
 * define the tags it promised (a module may define them after an await of its own). A module that fails,
 * is missing from this build, or does not define a tag in time marks those panels failed; the others
 * still show. `onState` hears of each tag as soon as it is known, so one slow plugin holds up no other.
 *
 * @example
 * const states = await loadPanels(await api.plugins(), panelModules, { onState: (tag, state) => show(tag, state) })
 */
export async function loadPanels(
  plugins: readonly PluginDescription[],
  modules: Readonly<Record<string, () => Promise<unknown>>>,
  {
    registry = customElements,
    timeoutMs = defineTimeoutMs,
    onState,
  }: { registry?: ElementRegistry; timeoutMs?: number; onState?: (tag: string, state: PanelState) => void } = {},
): Promise<Map<string, PanelState>> {
  const found = new Map<string, PanelState>()
  const states = {
    set(tag: string, state: PanelState) {
      found.set(tag, state)
      onState?.(tag, state)
    },
  }
  await Promise.all(
    plugins
      .filter((plugin) => plugin.panels.length > 0 || plugin.pages.length > 0)
      .map(async (plugin) => {
        const failure = await importModule(modules[plugin.id])
        const tags = new Set([...plugin.panels, ...plugin.pages].map((panel) => panel.tag))
        await Promise.all(
          [...tags].map(async (tag) => {
            if (failure) states.set(tag, { status: 'failed', ...failure })
            else if (await definedWithin(registry, tag, timeoutMs)) states.set(tag, { status: 'ready' })
            else states.set(tag, { status: 'failed', reason: 'not-defined', seconds: timeoutMs / 1000 })
          }),
        )
      }),
  )
  return found
}

async function importModule(load: (() => Promise<unknown>) | undefined): Promise<PanelFailure | undefined> {
  if (!load) return { reason: 'not-built' }
  try {
    await load()
    return undefined
  } catch (error) {
    return { reason: 'import-failed', detail: error instanceof Error ? error.message : String(error) }
  }
}
