/** The survey list and builder's words. */
export const builderTexts = {
  en: {
    heading: 'Surveys', add: 'New survey', edit: 'Edit', name: 'Name', kind: 'Kind', status: 'Status', touchpoint: 'Touchpoint', none: '(none)',
    languages: 'Languages', contactRule: 'Ask a customer again after (days)', questions: 'Questions', addQuestion: 'Add question', type: 'Type',
    verifiedCustomers: 'Signed customer ids only',
    verifiedCustomersHint: "The widget must pass the customer's signature (the sig of their personal link) with a customer id",
    required: 'Required', text: 'Text', options: 'Reasons, one per line', scale: 'Scale', preview: 'Live preview', save: 'Save', cancel: 'Cancel',
    link: 'Page', qr: 'QR', saved: 'Saved.', invalid: 'Not saved yet — fix these first:', up: 'Move up', down: 'Move down', remove: 'Remove',
  },
  nl: {
    heading: 'Enquêtes', add: 'Nieuwe enquête', edit: 'Bewerken', name: 'Naam', kind: 'Soort', status: 'Status', touchpoint: 'Contactpunt', none: '(geen)',
    languages: 'Talen', contactRule: 'Klant opnieuw vragen na (dagen)', questions: 'Vragen', addQuestion: 'Vraag toevoegen', type: 'Type',
    verifiedCustomers: 'Alleen ondertekende klant-id’s',
    verifiedCustomersHint: 'De widget moet bij een klant-id de handtekening meesturen (de sig van de persoonlijke link van de klant)',
    required: 'Verplicht', text: 'Tekst', options: 'Redenen, één per regel', scale: 'Schaal', preview: 'Live voorbeeld', save: 'Opslaan', cancel: 'Annuleren',
    link: 'Pagina', qr: 'QR', saved: 'Opgeslagen.', invalid: 'Nog niet opgeslagen — los eerst dit op:', up: 'Omhoog', down: 'Omlaag', remove: 'Verwijderen',
  },
} as const
