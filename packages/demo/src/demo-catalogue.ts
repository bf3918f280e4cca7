import type { TouchpointChannel } from '@cxkit/core'

/** The demo company: a Dutch online retailer with shops, a call centre and an app. */
export const demoWorkspace = { id: 'demo', name: 'Demo — Huis & Haard', locale: 'en' as const }

export const demoTouchpoints: { id: string; name: string; stageId: string; channel: TouchpointChannel }[] = [
  { id: 'social-ads', name: 'Social media ads', stageId: 'awareness', channel: 'social' },
  { id: 'website-home', name: 'Website home page', stageId: 'awareness', channel: 'website' },
  { id: 'product-pages', name: 'Product pages', stageId: 'consideration', channel: 'website' },
  { id: 'chatbot', name: 'Chatbot', stageId: 'consideration', channel: 'chatbot' },
  { id: 'web-checkout', name: 'Web checkout', stageId: 'purchase', channel: 'website' },
  { id: 'shop-counter', name: 'Shop counter', stageId: 'purchase', channel: 'on-site' },
  { id: 'parcel-delivery', name: 'Parcel delivery', stageId: 'delivery', channel: 'post' },
  { id: 'order-email', name: 'Order status e-mail', stageId: 'delivery', channel: 'email' },
  { id: 'call-centre', name: 'Customer service line', stageId: 'retention', channel: 'call-centre' },
  { id: 'mobile-app', name: 'Mobile app', stageId: 'retention', channel: 'in-app' },
  { id: 'review-invite', name: 'Review invitation', stageId: 'advocacy', channel: 'email' },
]

export const demoSegments = [
  ['consumer', 6],
  ['smb', 3],
  ['enterprise', 1],
] as const

export const demoRegions = [
  'Noord-Holland',
  'Zuid-Holland',
  'Utrecht',
  'Noord-Brabant',
  'Gelderland',
  'Groningen',
] as const

export const demoPlans = [
  ['basic', 5],
  ['plus', 3],
  ['premium', 2],
] as const

export const demoFirstNames = [
  'Anna',
  'Daan',
  'Emma',
  'Sem',
  'Julia',
  'Lucas',
  'Sophie',
  'Finn',
  'Tess',
  'Milan',
  'Noor',
  'Levi',
  'Fleur',
  'Bram',
  'Sara',
  'Jesse',
] as const
export const demoLastNames = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'de Boer',
  'Bos',
  'Vos',
] as const
export const demoChannelsOfAcquisition = ['search', 'social', 'referral', 'shop', 'newsletter'] as const
