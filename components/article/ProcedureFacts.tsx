import type { Post } from '@/payload-types'

type Procedure = NonNullable<Post['procedure']>

const ROWS: { key: Exclude<keyof Procedure, 'name'>; label: string }[] = [
  { key: 'bodyLocation', label: 'Parte del corpo' },
  { key: 'howPerformed', label: 'Come si esegue' },
  { key: 'preparation', label: 'Prima dell’intervento' },
  { key: 'followUp', label: 'Dopo l’intervento' },
]

/** The procedure at a glance; shown only when the editors filled it in. */
export function ProcedureFacts({ procedure }: { procedure: Post['procedure'] }) {
  const rows = ROWS.filter(({ key }) => procedure?.[key]?.trim())
  if (!procedure?.name?.trim() && rows.length === 0) return null
  return (
    <aside aria-labelledby="scheda-titolo" className="facts">
      <h2 id="scheda-titolo">In sintesi{procedure?.name ? `: ${procedure.name}` : ''}</h2>
      <dl>
        {rows.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{procedure?.[key]}</dd>
          </div>
        ))}
      </dl>
    </aside>
  )
}
