import { z } from 'zod'

/** Payload `validate` functions return true or an Italian message shown in the admin. */
type Validation = (value: unknown) => true | string

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol))

export const validateHttpUrl: Validation = (value) =>
  value == null || value === '' || httpUrl.safeParse(value).success
    ? true
    : 'Inserisci un indirizzo completo che inizi con https:// (o http://).'

/** Italian phone numbers: digits, spaces, dots, dashes and an optional leading +. */
export const validatePhone: Validation = (value) =>
  value == null || value === '' || /^\+?[0-9][0-9 .\-/]{5,19}$/.test(String(value).trim())
    ? true
    : 'Inserisci un numero di telefono valido, ad esempio +39 02 1234 5678.'

/** Partita IVA: 11 digits with the official check digit. */
export function isValidPartitaIva(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false
  let sum = 0
  for (let i = 0; i < 11; i++) {
    let digit = Number(value[i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export const validatePartitaIva: Validation = (value) =>
  value == null || value === '' || isValidPartitaIva(String(value).trim())
    ? true
    : 'La partita IVA deve avere 11 cifre con la cifra di controllo corretta.'
