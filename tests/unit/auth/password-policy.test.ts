import { describe, expect, it } from '@jest/globals'

import { PASSWORD_MESSAGES, passwordProblem } from '@/lib/auth/password-policy'

describe('passwordProblem', () => {
  it.each([
    ['abc', PASSWORD_MESSAGES.tooShort],
    ['undici-char', PASSWORD_MESSAGES.tooShort],
    ['x'.repeat(129) + 'abcde', PASSWORD_MESSAGES.tooLong],
    ['121212121212', PASSWORD_MESSAGES.repetitive],
    ['abababababab', PASSWORD_MESSAGES.repetitive],
    ['password1234', PASSWORD_MESSAGES.common],
    ['Password2024!', PASSWORD_MESSAGES.common],
    ['!!Sunshine2024', PASSWORD_MESSAGES.common],
    ['qwertyuiop123', PASSWORD_MESSAGES.common],
    ['1q2w3e4r5t6y', PASSWORD_MESSAGES.common],
    ['forzainterforzainter', PASSWORD_MESSAGES.common],
    ['Juventus1897!', PASSWORD_MESSAGES.common],
    ['clinicablog2026', PASSWORD_MESSAGES.common],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password)).toBe(message)
  })

  it('refuses the account’s own e-mail name or name', () => {
    expect(passwordProblem('mario.rossi-2026!', { email: 'mario.rossi@clinica.it' })).toBe(
      PASSWORD_MESSAGES.personal,
    )
    expect(passwordProblem('del-faro-Giulia-77', { name: 'Giulia Bianchi' })).toBe(
      PASSWORD_MESSAGES.personal,
    )
  })

  it('accepts long passphrases that are not on any list', () => {
    for (const password of [
      'mare-di-ottobre-sul-faro',
      'correct horse battery staple',
      'Tre gatti sul tetto 1977',
      'a-long-test-password',
    ])
      expect(passwordProblem(password, { email: 'mario@clinica.it', name: 'Mario Rossi' })).toBe(
        null,
      )
  })
})
