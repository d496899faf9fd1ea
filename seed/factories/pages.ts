import type { Page } from '@/payload-types'
import { articleBlocksToLexical, type ArticleBlock } from '@/lib/text-import'

export type PageSeed = Pick<Page, 'title' | 'slug' | 'intro' | 'content'>

const p = (text: string): ArticleBlock => ({ type: 'paragraph', text })
const h2 = (text: string): ArticleBlock => ({ type: 'heading', level: 2, text })

const DEMO_NOTE =
  'Testo dimostrativo creato dal seed: la clinica deve completarlo e farlo verificare dal proprio responsabile della protezione dei dati prima della pubblicazione del sito.'

/** The privacy notice and cookie policy linked from every page and from the booking form. */
export const legalPages: PageSeed[] = [
  {
    title: 'Informativa sulla privacy',
    slug: 'privacy',
    intro:
      'Come la clinica tratta i dati personali di chi visita il sito e di chi chiede un appuntamento.',
    content: articleBlocksToLexical([
      p(DEMO_NOTE),
      h2('Titolare del trattamento'),
      p(
        'Il titolare del trattamento è la clinica indicata in fondo a ogni pagina, con i recapiti riportati nello stesso spazio.',
      ),
      h2('Quali dati trattiamo e perché'),
      p(
        'Quando compili il modulo di prenotazione trattiamo il nome, i recapiti che scegli di lasciare, la fascia oraria preferita e il motivo della visita, solo per ricontattarti e fissare l’appuntamento.',
      ),
      p(
        'Il motivo della visita può contenere informazioni sulla salute: le trattiamo sulla base del tuo consenso esplicito, che puoi revocare in qualsiasi momento.',
      ),
      h2('Conservazione e comunicazione'),
      p(
        'Le richieste sono consultabili solo dal personale autorizzato della clinica, non vengono comunicate a terzi e sono conservate per il tempo necessario a gestire la richiesta.',
      ),
      h2('I tuoi diritti'),
      p(
        'Puoi chiedere l’accesso, la rettifica o la cancellazione dei tuoi dati, la limitazione del trattamento e la revoca del consenso scrivendo ai recapiti della clinica. Puoi inoltre proporre reclamo al Garante per la protezione dei dati personali.',
      ),
    ]),
  },
  {
    title: 'Cookie policy',
    slug: 'cookie',
    intro: 'Quali cookie usa il sito.',
    content: articleBlocksToLexical([
      p(DEMO_NOTE),
      h2('Cookie tecnici'),
      p(
        'Il sito pubblico non usa cookie di profilazione né strumenti di analisi o pubblicità di terze parti.',
      ),
      p(
        'L’area riservata alla redazione usa soltanto cookie tecnici necessari all’accesso (sessione) e alla lingua dell’interfaccia; non richiedono consenso.',
      ),
    ]),
  },
]
