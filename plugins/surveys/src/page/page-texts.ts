/** The survey page's own words (the questions bring theirs). */
export const pageTexts = {
  en: {
    submit: 'Send',
    thanks: 'Thank you! Your answer has been received.',
    alreadyReceived: 'Thank you — we had already received your answer.',
    answerAgain: 'Send another answer',
    fixErrors: 'Please check the answers marked below.',
    required: 'Please answer this question.',
    optional: '(optional)',
    closed: 'This survey is closed. Thank you for your interest.',
    notFound: 'This survey does not exist (any more).',
    badLink: 'This link is not valid. Please use the link exactly as you received it.',
    linkExpired: 'This link has expired. Thank you for your interest.',
    tooLarge: 'Your answer is too long to send. Please shorten it and try again.',
    badForm: 'This answer could not be read. Please answer on the survey page itself.',
  },
  nl: {
    submit: 'Versturen',
    thanks: 'Dank u wel! Uw antwoord is ontvangen.',
    alreadyReceived: 'Dank u wel — we hadden uw antwoord al ontvangen.',
    answerAgain: 'Nog een antwoord geven',
    fixErrors: 'Controleer de gemarkeerde antwoorden hieronder.',
    required: 'Beantwoord deze vraag alstublieft.',
    optional: '(optioneel)',
    closed: 'Deze enquête is gesloten. Dank voor uw interesse.',
    notFound: 'Deze enquête bestaat niet (meer).',
    badLink: 'Deze link is niet geldig. Gebruik de link precies zoals u hem ontving.',
    linkExpired: 'Deze link is verlopen. Dank voor uw interesse.',
    tooLarge: 'Uw antwoord is te lang om te versturen. Maak het korter en probeer het opnieuw.',
    badForm: 'Dit antwoord kon niet worden gelezen. Beantwoord de enquête op de enquêtepagina zelf.',
  },
} as const
export type PageLocale = keyof typeof pageTexts

/** The survey locale to show: `?lang=`, then the browser's languages, then the survey's first. */
export function choosePageLocale(
  offered: readonly string[],
  requested: string | undefined,
  acceptLanguage: string | undefined,
): PageLocale {
  const wanted = [requested, ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim().slice(0, 2))]
  const match = wanted.find((locale) => locale && offered.includes(locale))
  return (match ?? offered[0] ?? 'en') as PageLocale
}
