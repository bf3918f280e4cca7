import { addMessages } from '@cxkit/ui'

/** The shell's workspace screens speak through these keys, as `workspaces:<key>`. */
addMessages('workspaces', {
  en: {
    'firstStart.heading': 'Welcome to {product}',
    'firstStart.intro': 'Create your first workspace: one company, or one client of an agency. You can add more later.',
    'form.name': 'Name',
    'form.id': 'Id',
    'form.idHint': 'In links and the API: lower-case letters, digits and dashes.',
    'form.locale': 'Language',
    'form.stageModel': 'Stage model',
    'form.create': 'Create workspace',
    'form.busy': 'One moment…',
    'settings.link': 'Manage',
    'settings.heading': 'Workspace “{name}”',
    'settings.rename': 'Name and language',
    'settings.save': 'Save',
    'settings.saved': 'Saved.',
    'settings.new': 'New workspace',
    'settings.delete': 'Delete workspace',
    'settings.deleteWarning':
      'Deleting removes the workspace with all its customers, responses and other data. It cannot be undone. Type “{id}” to confirm.',
    'settings.confirm': 'Id of the workspace to delete',
    'settings.deleteButton': 'Delete for good',
    'settings.none': 'There is no workspace to manage.',
  },
  nl: {
    'firstStart.heading': 'Welkom bij {product}',
    'firstStart.intro':
      'Maak je eerste werkruimte: één bedrijf, of één klant van een bureau. Later kun je er meer toevoegen.',
    'form.name': 'Naam',
    'form.id': 'Id',
    'form.idHint': 'In links en de API: kleine letters, cijfers en streepjes.',
    'form.locale': 'Taal',
    'form.stageModel': 'Fasemodel',
    'form.create': 'Werkruimte maken',
    'form.busy': 'Even geduld…',
    'settings.link': 'Beheren',
    'settings.heading': 'Werkruimte “{name}”',
    'settings.rename': 'Naam en taal',
    'settings.save': 'Opslaan',
    'settings.saved': 'Opgeslagen.',
    'settings.new': 'Nieuwe werkruimte',
    'settings.delete': 'Werkruimte verwijderen',
    'settings.deleteWarning':
      'Verwijderen wist de werkruimte met al haar klanten, antwoorden en andere gegevens. Dit kan niet ongedaan worden. Typ “{id}” om te bevestigen.',
    'settings.confirm': 'Id van de werkruimte die weg moet',
    'settings.deleteButton': 'Definitief verwijderen',
    'settings.none': 'Er is geen werkruimte om te beheren.',
  },
})
