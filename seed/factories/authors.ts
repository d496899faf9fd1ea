import type { Author } from '@/payload-types'

type AuthorSeed = Omit<Author, 'id' | 'createdAt' | 'updatedAt' | 'photo'>

/** One demo surgeon, author and medical reviewer of the seeded articles. */
export const demoSurgeon: AuthorSeed = {
  honorific: 'Dott.',
  name: 'Marco Ferri',
  slug: 'marco-ferri',
  specialty: 'Ortopedia e traumatologia, chirurgia del piede e della caviglia',
  credentials:
    'Laurea in Medicina e Chirurgia\nSpecializzazione in Ortopedia e Traumatologia\nProfilo dimostrativo: sostituire con i titoli reali',
  ordineProvince: 'Milano',
  ordineNumber: '00000',
  bio: 'Profilo dimostrativo creato dal seed. Sostituire nome, foto, titoli e numero di iscrizione all’Ordine con quelli reali del chirurgo prima di pubblicare il sito.',
  profileLinks: [],
}
