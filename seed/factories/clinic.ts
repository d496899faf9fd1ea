import type { Clinic } from '@/payload-types'

/** The demo clinic's brand colour: readable on the site's light backgrounds (6,4:1 on white). */
export const DEMO_BRAND_COLOR = '#0f6b5c'

/** Demo clinic: every value is a placeholder and the global is flagged as demo data. */
export const demoClinic = (medicalDirectorId: string, logoId: string): Omit<Clinic, 'id'> => ({
  isDemo: true,
  name: 'Clinica del Piede (demo)',
  logo: logoId,
  brandColor: DEMO_BRAND_COLOR,
  introduction:
    'Siamo una clinica specializzata nella cura del piede e della caviglia. In questo blog i nostri specialisti spiegano patologie e trattamenti con parole semplici, per aiutarti ad arrivare alla visita informato.',
  legalName: 'Clinica del Piede Demo S.r.l. – dati dimostrativi',
  vatNumber: '01234567897',
  address: {
    street: 'Via dell’Esempio 1',
    postalCode: '20100',
    city: 'Milano',
    province: 'MI',
    country: 'IT',
  },
  phone: '+39 02 0000 0000',
  email: 'info@clinica-demo.example',
  openingHours: [
    { days: 'Lunedì – Venerdì', hours: '9:00 – 19:00' },
    { days: 'Sabato', hours: '9:00 – 13:00' },
  ],
  medicalDirector: medicalDirectorId,
  socialLinks: [],
})
