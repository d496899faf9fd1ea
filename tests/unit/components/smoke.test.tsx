import { describe, it, expect } from '@jest/globals'
import NextImage from 'next/image'
import NextLink from 'next/link'

describe('smoke', () => {
  it('renders', () => {
    console.log(typeof NextImage, Object.keys(NextImage), typeof NextLink, Object.keys(NextLink))
    expect(1).toBe(1)
  })
})
