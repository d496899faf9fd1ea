import { describe, expect, it } from '@jest/globals'
import { findClaims } from '@/lib/editorial/claims'

const phrases = (text: string) => findClaims(text).map((claim) => claim.phrase)

describe('findClaims', () => {
  it.each([
    'Siamo il migliore centro del piede.',
    'La migliore tecnica.',
    'I migliori chirurghi.',
    'Le migliori cure.',
    'Il miglior chirurgo.',
    'Risultato garantito.',
    'Guarigione garantita.',
    'Interventi garantiti.',
    'Cure garantite.',
    'Con garanzia di successo.',
    'Operazione senza dolore.',
    'Un intervento indolore.',
    'Efficace al 100%.',
    'Efficace al 100 %.',
    'Soddisfatti al cento per cento.',
    'Un plantare miracoloso.',
    'Una crema miracolosa.',
    'Rimedi miracolosi.',
    'Terapie miracolose.',
    'Risultati certi in un mese.',
    'Nessun rischio per il paziente.',
    'La soluzione definitiva.',
    'Un rimedio definitivo.',
    'Il più efficace sul mercato.',
    'La più sicura delle tecniche.',
    'È più efficace di un plantare.',
    'Funziona meglio di qualsiasi tutore.',
  ])('flags %j', (text) => {
    expect(findClaims(text)).toHaveLength(1)
  })

  it('still flags negated forms: the editor decides', () => {
    expect(phrases('Non è garantito che il dolore passi.')).toEqual(['garantito'])
  })

  it('is case- and accent-insensitive and keeps the original wording', () => {
    expect(phrases('IL PIÙ EFFICACE, Il Piu Sicuro, INDOLORE')).toEqual([
      'IL PIÙ EFFICACE',
      'Il Piu Sicuro',
      'INDOLORE',
    ])
  })

  it.each([
    'Vogliamo migliorare la qualità della vita.',
    'Un netto miglioramento dopo la terapia.',
    'Possiamo garantire un follow-up accurato.',
    'Il vantaggio più importante è senza dubbio il recupero.',
    'Si presenta come la più invasiva delle tecniche.',
    'Minore dolore post-operatorio.',
    'Il 1000% è un refuso.',
    'Un risultato incerto.',
    'Garantitevi una visita.',
    'Rischio minimo, nessun rischiosità.',
  ])('does not flag %j', (text) => {
    expect(findClaims(text)).toEqual([])
  })

  it('reports every occurrence with its index and a short excerpt', () => {
    const text =
      'La nostra clinica offre da anni ai pazienti la soluzione definitiva per l’alluce valgo, ' +
      'con un intervento garantito e completamente indolore, come confermano i controlli.'
    const claims = findClaims(text)
    expect(claims.map((c) => c.phrase)).toEqual(['definitiva', 'garantito', 'indolore'])
    for (const claim of claims) {
      expect(text.slice(claim.index, claim.index + claim.phrase.length)).toBe(claim.phrase)
      expect(claim.excerpt).toContain(claim.phrase)
      expect(claim.excerpt.length).toBeLessThanOrEqual(70)
    }
    expect(claims[0]?.excerpt).toBe('…ai pazienti la soluzione definitiva per l’alluce valgo, con…')
  })

  it('maps indexes back through decomposed accents', () => {
    const text = 'Perche\u0301 e\u0300 indolore'
    const [claim] = findClaims(text)
    expect(claim?.phrase).toBe('indolore')
    expect(claim?.index).toBe(text.indexOf('indolore'))
  })
})
