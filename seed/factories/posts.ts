import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Post } from '@/payload-types'
import { articleBlocksToLexical, parsePlainTextArticle, type ArticleBlock } from '@/lib/text-import'

export const MAIN_ARTICLE_SLUG = 'intervento-mini-invasivo-alluce-valgo'
export const MAIN_ARTICLE_SOURCE = path.join('seed', 'content', `${MAIN_ARTICLE_SLUG}.txt`)

export type PostSeed = Pick<
  Post,
  'title' | 'slug' | 'excerpt' | 'content' | 'faq' | 'procedure' | 'meta' | 'sampleContent'
> & { categorySlugs: string[] }

/**
 * The clinic's article, parsed word for word from its source text. The procedure facts,
 * FAQ and SEO texts state only what the source says.
 */
export async function mainArticle(cwd = process.cwd()): Promise<PostSeed> {
  const source = await readFile(path.join(cwd, MAIN_ARTICLE_SOURCE), 'utf8')
  const { title, blocks } = parsePlainTextArticle(source)
  return {
    title,
    slug: MAIN_ARTICLE_SLUG,
    excerpt:
      'L’intervento mini invasivo per l’alluce valgo si esegue attraverso incisioni di pochi millimetri, senza mezzi di sintesi metallici, e permette di tornare subito ad appoggiare il piede.',
    content: articleBlocksToLexical(blocks),
    categorySlugs: ['alluce-valgo', 'chirurgia-del-piede'],
    sampleContent: false,
    procedure: {
      name: 'Intervento mini invasivo per l’alluce valgo',
      bodyLocation: 'Piede (alluce)',
      howPerformed:
        'Attraverso piccole incisioni sulla cute, di pochi millimetri, si eseguono le osteotomie correttive che ristabiliscono la corretta meccanica del piede, senza inserire mezzi di sintesi metallici come viti o cambrie.',
      preparation:
        'Indicato in casi selezionati: viene individuato solo in seguito a una visita specialistica e all’esecuzione di esami radiologici specifici.',
      followUp:
        'Si può tornare subito ad appoggiare il piede; per 30/40 giorni si utilizzano scarpe ortopediche. Non servono interventi successivi per rimuovere mezzi di sintesi.',
    },
    faq: [
      {
        question: 'In che cosa consiste l’intervento mini invasivo per l’alluce valgo?',
        answer:
          'Prevede piccole incisioni sulla cute, di pochi millimetri, attraverso le quali si eseguono le osteotomie correttive che ristabiliscono la corretta meccanica del piede.',
      },
      {
        question: 'Vengono inserite viti o altri mezzi metallici?',
        answer:
          'No. Questa tecnica evita l’inserimento di mezzi di sintesi metallici, come viti o cambrie, e quindi non sono necessari interventi successivi per la loro rimozione.',
      },
      {
        question: 'Quando si può appoggiare il piede dopo l’intervento?',
        answer:
          'Dopo un intervento ben effettuato e ben controllato nel post-operatorio si può tornare subito ad appoggiare il piede.',
      },
      {
        question: 'Per quanto tempo bisogna usare le scarpe ortopediche?',
        answer: 'Per un periodo di 30/40 giorni dopo l’intervento.',
      },
      {
        question: 'L’intervento è adatto a tutti?',
        answer:
          'Viene utilizzato in casi selezionati, individuati in seguito a una visita specialistica e a esami radiologici specifici.',
      },
    ],
    meta: {
      title: 'Intervento mini invasivo alluce valgo: come funziona',
      description:
        'Alluce valgo, intervento mini invasivo: incisioni di pochi millimetri, niente viti o cambrie, appoggio immediato e scarpe ortopediche per 30/40 giorni.',
    },
  }
}

const sample = (
  title: string,
  slug: string,
  excerpt: string,
  categorySlugs: string[],
  blocks: ArticleBlock[],
): PostSeed => ({
  title,
  slug,
  excerpt,
  categorySlugs,
  sampleContent: true,
  content: articleBlocksToLexical(blocks),
  meta: { title, description: excerpt },
})

const p = (text: string): ArticleBlock => ({ type: 'paragraph', text })
const h2 = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text })

/** Short sample articles on neighbouring topics, flagged as sample content for the editors. */
export const samplePosts: PostSeed[] = [
  sample(
    'Alluce valgo: che cos’è e come si riconosce',
    'alluce-valgo-che-cos-e-e-come-si-riconosce',
    'L’alluce valgo è una deformità dell’avampiede: ecco i segni più comuni e quando rivolgersi a uno specialista del piede.',
    ['alluce-valgo'],
    [
      p(
        'L’alluce valgo è una deformità dell’avampiede in cui il primo dito devia verso le altre dita, mentre sul lato interno del piede si forma una sporgenza.',
      ),
      h2('I segni più comuni'),
      p(
        'Chi ne soffre nota spesso arrossamento e fastidio nel punto della sporgenza, difficoltà a trovare scarpe comode e, con il tempo, disturbi anche alle dita vicine.',
      ),
      h2('Quando rivolgersi allo specialista'),
      p(
        'Una visita specialistica, con gli esami radiologici che il medico ritiene necessari, permette di valutare la deformità e di scegliere il trattamento adatto al singolo caso.',
      ),
    ],
  ),
  sample(
    'Dopo l’intervento all’alluce valgo: le scarpe ortopediche',
    'dopo-l-intervento-all-alluce-valgo-le-scarpe-ortopediche',
    'A cosa servono le scarpe ortopediche dopo un intervento all’alluce valgo e perché seguire le indicazioni del chirurgo.',
    ['alluce-valgo', 'chirurgia-del-piede'],
    [
      p(
        'Nelle settimane successive a un intervento all’alluce valgo il chirurgo indica quali calzature usare e per quanto tempo.',
      ),
      h2('A cosa servono'),
      p(
        'Le scarpe ortopediche post-operatorie proteggono l’avampiede e distribuiscono il carico durante la guarigione.',
      ),
      h2('Per quanto tempo'),
      p(
        'La durata dipende dalla tecnica e dal singolo paziente: vanno seguite le indicazioni ricevute durante i controlli.',
      ),
    ],
  ),
  sample(
    'Metatarsalgia: il dolore sotto l’avampiede',
    'metatarsalgia-il-dolore-sotto-l-avampiede',
    'La metatarsalgia è il dolore nella pianta dell’avampiede: possibili cause e quando farsi visitare.',
    ['chirurgia-del-piede'],
    [
      p(
        'Con il termine metatarsalgia si indica il dolore nella zona plantare dell’avampiede, sotto le teste dei metatarsi.',
      ),
      h2('Possibili cause'),
      p(
        'Può essere legata a calzature inadatte, a un sovraccarico o ad alterazioni della forma del piede, tra cui l’alluce valgo.',
      ),
      h2('Cosa fare'),
      p(
        'Se il dolore persiste è utile una visita specialistica per individuarne la causa e valutare il trattamento.',
      ),
    ],
  ),
]
