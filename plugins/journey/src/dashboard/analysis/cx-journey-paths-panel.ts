import { CxPanel, localizeText } from '@cxkit/ui'
import { Task } from '@lit/task'
import { css, html, nothing, svg } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { journeyStyles } from '../journey-styles.js'
import { describeFailure } from '../journey-api.js'
import { analysisApi, type PathsResult } from './analysis-api.js'
import { analysisStyles } from './analysis-styles.js'
import { formatShare } from './format-share.js'
import { layoutSankey } from './sankey-layout.js'
import './analysis-messages.js'

const width = 760
const height = 320

/**
 * The most common touchpoint sequences as a Sankey diagram (laid out by d3-sankey, drawn as SVG): a
 * column per position of the path, bands as wide as the customers taking them, each node and band
 * titled with its customers and share. A table below lists the same paths for screen readers and for
 * reading the exact figures.
 */
@customElement('cx-journey-paths-panel')
export class CxJourneyPathsPanel extends CxPanel {
  static override styles = [
    ...CxPanel.styles,
    journeyStyles,
    analysisStyles,
    css`
      svg.sankey { width: 100%; height: auto; max-width: ${width}px; display: block; }
      svg.sankey .node { fill: var(--_primary); }
      svg.sankey .link { fill: none; stroke: var(--_primary); stroke-opacity: 0.25; }
      svg.sankey .link:hover { stroke-opacity: 0.5; }
      svg.sankey text { font-size: 11px; fill: var(--_text); }
    `,
  ]

  /** The longest path drawn (a registry panel's `props.length`). */
  @property({ type: Number }) accessor length = 5
  /** How many paths to draw. */
  @property({ type: Number }) accessor top = 10
  @state() private accessor start = ''

  private readonly structure = new Task(this, {
    task: async ([workspace], { signal }) => {
      if (!workspace) return null
      const client = analysisApi(this.api)
      const [stages, touchpoints] = await Promise.all([
        client.stages(workspace, signal),
        client.touchpoints(workspace, signal),
      ])
      return { stages, touchpoints }
    },
    args: () => [this.workspace] as const,
  })

  private readonly paths = new Task(this, {
    task: async ([workspace, from, to, start, length, top], { signal }) => {
      if (!workspace || !from || !to) return null
      return analysisApi(this.api).paths({ workspace, from, to, start: start || undefined, length, top }, signal)
    },
    args: () => [this.workspace, this.period.from, this.period.to, this.start, this.length, this.top] as const,
  })

  private renderPicker() {
    const structure = this.structure.value
    return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <label>${this.t('journey:paths.start')}
        <select name="start" @change=${(e: Event) => (this.start = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.start === ''}>${this.t('journey:paths.firstEvent')}</option>
          ${(structure?.stages ?? []).map(
            (stage) =>
              html`<option value=${`stage:${stage.id}`} ?selected=${this.start === `stage:${stage.id}`}>${this.t('journey:stage')}: ${localizeText({ en: stage.labelEn, nl: stage.labelNl ?? undefined }, this.locale)}</option>`,
          )}
          ${(structure?.touchpoints ?? []).map(
            (touchpoint) =>
              html`<option value=${`touchpoint:${touchpoint.id}`} ?selected=${this.start === `touchpoint:${touchpoint.id}`}>${this.t('journey:touchpoint')}: ${touchpoint.name}</option>`,
          )}
        </select></label>
    </form>`
  }

  private renderDiagram(result: PathsResult) {
    const { nodes, links } = layoutSankey(result, width, height)
    const share = (customers: number) => this.i18n.percent(result.customers > 0 ? customers / result.customers : 0)
    return svg`<svg class="sankey" viewBox="0 0 ${width} ${height}" role="img" aria-label=${this.t('journey:paths.diagram')}>
      <g>${links.map(
        (link) => svg`<path class="link" d=${link.path} stroke-width=${Math.max(1, link.width)}
          data-source=${link.source.id} data-target=${link.target.id} data-value=${link.value}>
          <title>${this.t('journey:paths.link', {
            from: link.source.name,
            to: link.target.name,
            customers: this.i18n.number(link.value, 0),
            share: share(link.value),
          })}</title></path>`,
      )}</g>
      <g>${nodes.map((node) => {
        const left = node.x0 < width / 2
        return svg`<g class="sankey-node" data-node=${node.id} data-value=${node.value}>
          <rect class="node" x=${node.x0} y=${node.y0} width=${node.x1 - node.x0} height=${Math.max(1, node.y1 - node.y0)}>
            <title>${this.t('journey:paths.node', { name: node.name, position: node.position, customers: this.i18n.number(node.value, 0) })}</title>
          </rect>
          <text x=${left ? node.x1 + 4 : node.x0 - 4} y=${(node.y0 + node.y1) / 2} dy="0.35em" text-anchor=${left ? 'start' : 'end'}>${node.name}</text>
        </g>`
      })}</g>
    </svg>`
  }

  private renderTable(result: PathsResult) {
    const names = new Map(result.nodes.map((node) => [node.touchpointId, node.name ?? node.touchpointId]))
    return html`<div class="scroll"><table class="paths">
      <thead><tr>
        <th scope="col">${this.t('journey:paths.path')}</th>
        <th scope="col" class="figure">${this.t('journey:paths.customers')}</th>
        <th scope="col">${this.t('journey:paths.share')}</th>
      </tr></thead>
      <tbody>${result.paths.map(
        (path) => html`<tr data-path=${path.touchpoints.join('>')}>
          <td>${path.touchpoints.map((id) => names.get(id) ?? id).join(' → ')}</td>
          <td class="figure">${this.i18n.number(path.customers, 0)}</td>
          <td class="figure">${formatShare(this.i18n, path.share)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`
  }

  private renderResult(result: PathsResult) {
    if (result.paths.length === 0) return html`<p class="note">${this.t('journey:paths.none')}</p>`
    return html`<p class="note">${this.t('journey:paths.intro', {
      n: this.i18n.number(result.customers, 0),
      count: result.paths.length,
    })}</p>
      ${this.renderDiagram(result)} ${this.renderTable(result)}`
  }

  override render() {
    return html`<cx-panel-frame heading=${this.heading || this.t('journey:paths.heading')}>
      ${this.renderPicker()}
      ${this.paths.render({
        pending: () => html`<p class="muted">${this.t('panel.loading')}</p>`,
        complete: (result) => (result ? this.renderResult(result) : nothing),
        error: (error) =>
          html`<p class="errors" role="alert">${this.t('journey:failed', { message: describeFailure(error) })}</p>`,
      })}
    </cx-panel-frame>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cx-journey-paths-panel': CxJourneyPathsPanel
  }
}
