import type { Category } from '@/payload-types'

type CategorySeed = Pick<Category, 'title' | 'slug' | 'description'> & { parentSlug?: string }

/** Parents come first, so children can point to them. */
export const categories: CategorySeed[] = [
  {
    title: 'Chirurgia del piede',
    slug: 'chirurgia-del-piede',
    description:
      'Interventi chirurgici sul piede e sulla caviglia: indicazioni, tecniche e recupero.',
  },
  {
    title: 'Alluce valgo',
    slug: 'alluce-valgo',
    description: 'La deformità più diffusa del piede: cause, sintomi e trattamenti.',
    parentSlug: 'chirurgia-del-piede',
  },
]
