/**
 * The SNOMED CT concepts the trust's demo data codes admissions and attendances with: each a
 * published concept of the UK edition, none invented.
 */
export const snomed = 'http://snomed.info/sct';

export const reasons = {
  hypoglycaemia: { code: '302866003', display: 'Hypoglycaemia' },
  type1Diabetes: { code: '46635009', display: 'Type 1 diabetes mellitus' },
  copdExacerbation: { code: '195951007', display: 'Acute exacerbation of chronic obstructive airways disease' },
  heartFailure: { code: '84114007', display: 'Heart failure' },
  pneumonia: { code: '385093006', display: 'Community acquired pneumonia' },
  urinaryInfection: { code: '68566005', display: 'Urinary tract infectious disease' },
  fall: { code: '1912002', display: 'Fall' },
  chestPain: { code: '29857009', display: 'Chest pain' },
  asthma: { code: '195967001', display: 'Asthma' },
} as const;
