import { dictionary } from '@zxcvbn-ts/language-common'

/**
 * The password rules for staff accounts (who can publish medical content): at least 12
 * characters, not one of the commonest passwords, not the account's own e-mail or name.
 * The common-password list ships with the project (`@zxcvbn-ts/language-common`: about 49,000
 * passwords from public breach corpora) plus a few Italian and site-specific ones; no network.
 */
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 128

/** Common in Italy or obvious for this site; checked like the list above. */
const LOCAL_COMMON = [
  'password',
  'passwordpassword',
  'passwordsegreta',
  'ciaociao',
  'amoremio',
  'tiamotanto',
  'juventus',
  'forzajuve',
  'forzainter',
  'forzamilan',
  'forzanapoli',
  'forzaroma',
  'benvenuto',
  'benvenuti',
  'cambiami',
  'segreto',
  'amministratore',
  'redattore',
  'clinica',
  'clinicablog',
  'alluce',
  'allucevalgo',
  'piede',
]

let common: Set<string> | undefined
const commonPasswords = () =>
  (common ??= new Set([...dictionary['passwords-common'], ...LOCAL_COMMON]))

export const PASSWORD_MESSAGES = {
  tooShort: `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri.`,
  tooLong: `La password può avere al massimo ${MAX_PASSWORD_LENGTH} caratteri.`,
  common: 'Questa password è tra le più diffuse e viene indovinata subito: scegline un’altra.',
  repetitive: 'La password è troppo ripetitiva: usa più caratteri diversi.',
  personal: 'La password non può contenere il tuo indirizzo e-mail o il tuo nome.',
} as const

/** The common word behind a password padded with digits and symbols ("Password2024!"). */
const core = (value: string) => value.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '')

/** Why the password is refused (an Italian sentence for the form), or null when it is fine. */
export function passwordProblem(
  password: string,
  account: { email?: string | null; name?: string | null } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort
  if (password.length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong
  const lower = password.toLowerCase()
  if (new Set(lower).size < 5) return PASSWORD_MESSAGES.repetitive
  const list = commonPasswords()
  const stripped = core(lower)
  if (list.has(lower) || (stripped.length >= 4 && list.has(stripped))) {
    return PASSWORD_MESSAGES.common
  }
  // A word repeated ("ciaociaociao") is as weak as the word.
  const repeated = /^(.{3,}?)\1+$/u.exec(stripped)?.[1]
  if (repeated && (list.has(repeated) || repeated.length < 5)) return PASSWORD_MESSAGES.common
  const personal = [account.email?.split('@')[0], ...(account.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase().trim() ?? '')
    .filter((part) => part.length >= 4)
  if (personal.some((part) => lower.includes(part))) return PASSWORD_MESSAGES.personal
  return null
}
