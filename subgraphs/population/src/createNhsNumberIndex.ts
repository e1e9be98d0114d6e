/** NHS numbers by population index, for looking up people from earlier seed batches. */
export interface NhsNumberIndex {
  remember(index: number, nhsNumber: string): void;
  /** The NHS number of person `index`, or undefined when that person has not been seen. */
  at(index: number): string | undefined;
}

/**
 * Holds each number as a float, 8 bytes a person, so a seed of a million people can name whom
 * each carer cares for without keeping a million strings. Ten digits fit a double exactly.
 */
export function createNhsNumberIndex(size: number): NhsNumberIndex {
  const numbers = new Float64Array(size);
  return {
    remember: (index, nhsNumber) => {
      if (index < size) numbers[index] = Number(nhsNumber);
    },
    at: (index) => {
      const value = numbers[index];
      return value ? String(value).padStart(10, '0') : undefined;
    },
  };
}
