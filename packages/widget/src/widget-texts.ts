/** The widget's own words; the survey brings its questions. */
export const widgetTexts = {
  en: {
    submit: 'Send',
    thanks: 'Thank you for your feedback!',
    required: 'Please answer this question.',
    failed: 'Sending failed. Please try again.',
    optional: '(optional)',
  },
  nl: {
    submit: 'Versturen',
    thanks: 'Bedankt voor uw feedback!',
    required: 'Beantwoord deze vraag alstublieft.',
    failed: 'Versturen mislukt. Probeer het opnieuw.',
    optional: '(optioneel)',
  },
} as const
export type WidgetLocale = keyof typeof widgetTexts
