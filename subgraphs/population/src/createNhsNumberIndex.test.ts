import { describe, expect, it } from 'vitest';
import { createNhsNumberIndex } from './createNhsNumberIndex.ts';

describe('createNhsNumberIndex', () => {
  it('gives back the numbers remembered, leading zeros included', () => {
    const index = createNhsNumberIndex(4);
    index.remember(0, '9990000018');
    index.remember(2, '0123456789');
    expect(index.at(0)).toBe('9990000018');
    expect(index.at(2)).toBe('0123456789');
  });

  it('answers undefined for people not seen or beyond its size', () => {
    const index = createNhsNumberIndex(2);
    index.remember(5, '9990000018');
    expect(index.at(1)).toBeUndefined();
    expect(index.at(5)).toBeUndefined();
    expect(index.at(-1)).toBeUndefined();
  });
});
