import { addMessages } from '@cxkit/ui'

/** The score panels' words, in the dashboard's catalogue as `journey:<key>`. */
addMessages('journey', {
  en: {
    metric: 'Metric',
    touchpoint: 'Touchpoint',
    stage: 'Stage',
    allTouchpoints: 'All touchpoints',
    noMetric: 'No enabled metric can be grouped by touchpoint.',
    noTouchpoints: 'This workspace has no touchpoints yet.',
    noAnswers: 'no answers',
    withoutTouchpoint: 'Answers without a touchpoint: {n}',
    noPainPoints: 'No touchpoint falls surely below the workspace in this period.',
    impact: 'Impact {impact}',
    impactHelp:
      'Shortfall from the workspace that the 95% interval still allows, in standard deviations of one answer, × customers passing',
    unsure: 'Below the workspace but too few answers to be sure: {list}',
  },
  nl: {
    metric: 'Meetwaarde',
    touchpoint: 'Contactpunt',
    stage: 'Fase',
    allTouchpoints: 'Alle contactpunten',
    noMetric: 'Geen ingeschakelde meetwaarde kan per contactpunt worden uitgesplitst.',
    noTouchpoints: 'Deze werkruimte heeft nog geen contactpunten.',
    noAnswers: 'geen antwoorden',
    withoutTouchpoint: 'Antwoorden zonder contactpunt: {n}',
    noPainPoints: 'Geen contactpunt ligt in deze periode zeker onder de werkruimte.',
    impact: 'Impact {impact}',
    impactHelp:
      'Achterstand op de werkruimte die het 95%-interval nog toelaat, in standaardafwijkingen van één antwoord, × klanten die langskomen',
    unsure: 'Onder de werkruimte, maar te weinig antwoorden om zeker te zijn: {list}',
  },
})
