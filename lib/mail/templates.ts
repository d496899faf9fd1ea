import { escapeHtml } from './text'
import type { MailClinic } from './clinic'

/**
 * Italian e-mail templates: plain text and simple HTML from the same blocks, signed with the
 * clinic's name and contacts. Shared by every sender (auth e-mails, booking notices, and the
 * editorial notifications to come): add a function here, do not build messages elsewhere.
 */

export type RenderedEmail = { subject: string; text: string; html: string }

export type EmailContent = {
  subject: string
  greeting?: string
  paragraphs: string[]
  /** Label/value lines (a small table in HTML). */
  details?: [string, string][]
  action?: { label: string; url: string }
  /** Shown after the action, e.g. "if you did not ask for this…". */
  afterword?: string[]
}

const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Rome',
})

export const formatDateTimeIt = (value: Date | string) => DATE_TIME.format(new Date(value))

const contactLines = (clinic: MailClinic): string[] =>
  [
    clinic.address,
    clinic.phone && `Tel. ${clinic.phone}`,
    clinic.email && `E-mail ${clinic.email}`,
    clinic.siteUrl,
  ].filter((line): line is string => Boolean(line))

export function renderEmail(clinic: MailClinic, content: EmailContent): RenderedEmail {
  const contacts = contactLines(clinic)
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.details?.map(([label, value]) => `${label}: ${value}`).join('\n'),
    content.action && `${content.action.label}:\n${content.action.url}`,
    ...(content.afterword ?? []),
    ['--', clinic.name, ...contacts].join('\n'),
  ]
    .filter((block): block is string => Boolean(block))
    .join('\n\n')

  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`
  const html = [
    '<!doctype html>',
    '<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">',
    `<p style="margin:0 0 24px;font-size:18px;font-weight:bold">${escapeHtml(clinic.name)}</p>`,
    content.greeting ? p(content.greeting) : '',
    ...content.paragraphs.map(p),
    content.details
      ? `<table style="margin:0 0 16px;border-collapse:collapse">${content.details
          .map(
            ([label, value]) =>
              `<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    content.action
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;word-break:break-all">${escapeHtml(content.action.url)}</p>`
      : '',
    ...(content.afterword ?? []).map(p),
    `<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px"><p style="margin:0;font-size:13px;color:#555555">${[
      clinic.name,
      ...contacts,
    ]
      .map(escapeHtml)
      .join('<br>')}</p>`,
    '</div></body></html>',
  ].join('')

  return { subject: content.subject, text, html }
}

export function passwordResetEmail(
  clinic: MailClinic,
  { name, url, validForMinutes }: { name?: string | null; url: string; validForMinutes: number },
): RenderedEmail {
  return renderEmail(clinic, {
    subject: `Reimposta la password – ${clinic.name}`,
    greeting: name ? `Gentile ${name},` : 'Buongiorno,',
    paragraphs: [
      `abbiamo ricevuto una richiesta di reimpostare la password del tuo account nell’area riservata di ${clinic.name}.`,
    ],
    action: { label: 'Scegli una nuova password', url },
    afterword: [
      `Il collegamento vale ${validForMinutes} minuti e si può usare una sola volta.`,
      'Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la password attuale resta valida.',
    ],
  })
}

export function invitationEmail(
  clinic: MailClinic,
  {
    name,
    url,
    validForDays,
    invitedBy,
  }: { name?: string | null; url: string; validForDays: number; invitedBy?: string | null },
): RenderedEmail {
  return renderEmail(clinic, {
    subject: `Invito all’area riservata – ${clinic.name}`,
    greeting: name ? `Gentile ${name},` : 'Buongiorno,',
    paragraphs: [
      `${invitedBy ? `${invitedBy} ti ha creato` : 'è stato creato per te'} un account nell’area riservata di ${clinic.name}, dove si scrivono e si pubblicano gli articoli del sito.`,
      'Per entrare, scegli la tua password dal collegamento qui sotto.',
    ],
    action: { label: 'Scegli la password', url },
    afterword: [
      `Il collegamento vale ${validForDays} giorni e si può usare una sola volta. Se è scaduto, chiedi un nuovo invito o usa «Password dimenticata?» nella pagina di accesso.`,
      'Se non ti aspettavi questo invito, ignora il messaggio.',
    ],
  })
}

/** To the clinic: who asked and how to call them back. Never the reason for the visit. */
export function bookingNoticeEmail(
  clinic: MailClinic,
  request: {
    name: string
    phone?: string | null
    email?: string | null
    preferredPeriod: string
    createdAt: string
    adminUrl: string
  },
): RenderedEmail {
  return renderEmail(clinic, {
    subject: `Nuova richiesta di appuntamento: ${request.name}`,
    paragraphs: [
      'È arrivata una nuova richiesta di appuntamento dal sito. Per i dettagli, apri la richiesta nell’area riservata.',
    ],
    details: [
      ['Nome', request.name],
      ['Telefono', request.phone || '—'],
      ['E-mail', request.email || '—'],
      ['Fascia oraria preferita', request.preferredPeriod],
      ['Ricevuta il', formatDateTimeIt(request.createdAt)],
    ],
    action: { label: 'Apri la richiesta', url: request.adminUrl },
  })
}

/** To the patient who left an e-mail address: a receipt, without what they wrote. */
export function bookingConfirmationEmail(
  clinic: MailClinic,
  request: { name: string },
): RenderedEmail {
  return renderEmail(clinic, {
    subject: `Abbiamo ricevuto la tua richiesta – ${clinic.name}`,
    greeting: `Gentile ${request.name},`,
    paragraphs: [
      `grazie per averci scritto: abbiamo ricevuto la tua richiesta di appuntamento e ti ricontatteremo al più presto per fissare la visita.`,
      clinic.phone
        ? `Se hai bisogno di parlarci prima, chiamaci al ${clinic.phone}.`
        : 'Se hai bisogno di parlarci prima, rispondi a questo messaggio.',
    ],
    afterword: [
      'Questo messaggio è stato inviato automaticamente. Se non hai inviato tu la richiesta, ignoralo o avvisaci.',
    ],
  })
}

/** To every medical reviewer: an author asks for the review of a draft. */
export function reviewRequestEmail(
  clinic: MailClinic,
  request: {
    title: string
    previewUrl: string
    editUrl: string
    requestedBy?: string | null
    reviewerName?: string | null
  },
): RenderedEmail {
  return renderEmail(clinic, {
    subject: `Revisione medica richiesta: ${request.title}`,
    greeting: request.reviewerName ? `Gentile ${request.reviewerName},` : 'Buongiorno,',
    paragraphs: [
      `${request.requestedBy ? `${request.requestedBy} chiede` : 'È richiesta'} la tua revisione medica dell’articolo «${request.title}».`,
      'Leggi la bozza dall’anteprima; per firmare la revisione apri l’articolo nell’area riservata e usa «Firma la revisione medica».',
    ],
    details: [['Apri nell’area riservata', request.editUrl]],
    action: { label: 'Leggi l’anteprima', url: request.previewUrl },
    afterword: ['L’anteprima è visibile solo dopo l’accesso all’area riservata.'],
  })
}

export type DigestEntry = { title: string; status: string; editUrl: string }

/** To editors, weekly: published articles whose medical review expired or is about to. */
export function reviewDigestEmail(
  clinic: MailClinic,
  digest: { entries: DigestEntry[]; withinDays: number; listUrl: string; name?: string | null },
): RenderedEmail {
  const count = digest.entries.length
  return renderEmail(clinic, {
    subject: `Revisioni mediche in scadenza: ${count} ${count === 1 ? 'articolo' : 'articoli'}`,
    greeting: digest.name ? `Gentile ${digest.name},` : 'Buongiorno,',
    paragraphs: [
      `${count === 1 ? 'Questo articolo pubblicato ha' : `Questi ${count} articoli pubblicati hanno`} la revisione medica scaduta o in scadenza entro ${digest.withinDays} giorni:`,
      ...digest.entries.map(
        (entry) => `• ${entry.title} (revisione ${entry.status}): ${entry.editUrl}`,
      ),
    ],
    action: { label: 'Apri l’elenco nell’area riservata', url: digest.listUrl },
    afterword: [
      'Riepilogo settimanale automatico: non viene inviato quando non c’è nulla da rivedere.',
    ],
  })
}
