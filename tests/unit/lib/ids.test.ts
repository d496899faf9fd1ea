import { describe, expect, it } from '@jest/globals'

import { isDocumentId } from '@/lib/ids'

describe('document ids', () => {
  it('accepts the ids of both engines', () => {
    expect(isDocumentId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true)
    expect(isDocumentId('65f1c0ffee0ddba11ad0beef')).toBe(true)
    expect(isDocumentId('65F1C0FFEE0DDBA11AD0BEEF')).toBe(true)
  })

  it('refuses anything else before a query runs', () => {
    for (const value of [
      '1',
      '42',
      '',
      'abc',
      'intervento-alluce',
      '65f1c0ffee0ddba11ad0bee',
      1,
      null,
    ])
      expect(isDocumentId(value)).toBe(false)
    expect(isDocumentId('0f8fad5b-d9cb-469f-a165-70867728950e/../x')).toBe(false)
  })
})
