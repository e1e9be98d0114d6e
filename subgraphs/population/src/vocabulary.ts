/**
 * Code systems and the concepts the demo data uses. Every code here is a published concept:
 * SNOMED CT concept ids from the UK edition, and Client Level Data (CLD) values for adult
 * social care. None is invented.
 */
export const snomed = 'http://snomed.info/sct';
export const cldServiceType = 'https://digital.nhs.uk/adult-social-care-client-level-data/service-type';
export const cldServiceComponent = 'https://digital.nhs.uk/adult-social-care-client-level-data/service-component';
export const cldSupportSetting = 'https://digital.nhs.uk/adult-social-care-client-level-data/support-setting';
export const cldPrimarySupportReason =
  'https://digital.nhs.uk/adult-social-care-client-level-data/primary-support-reason';

export interface Concept {
  code: string;
  display: string;
}

/** Long-term conditions, with the age from which the generator starts to give them and a rough prevalence. */
export const conditions = {
  type1Diabetes: { code: '46635009', display: 'Type 1 diabetes mellitus' },
  type2Diabetes: { code: '44054006', display: 'Type 2 diabetes mellitus' },
  autism: { code: '35919005', display: 'Autism spectrum disorder' },
  learningDisability: { code: '110359009', display: 'Intellectual disability' },
  hypertension: { code: '38341003', display: 'Hypertensive disorder' },
  asthma: { code: '195967001', display: 'Asthma' },
  copd: { code: '13645005', display: 'Chronic obstructive lung disease' },
  depression: { code: '35489007', display: 'Depressive disorder' },
  anxiety: { code: '197480006', display: 'Anxiety disorder' },
  dementia: { code: '52448006', display: 'Dementia' },
  heartFailure: { code: '84114007', display: 'Heart failure' },
  atrialFibrillation: { code: '49436004', display: 'Atrial fibrillation' },
  chronicKidneyDisease: { code: '709044004', display: 'Chronic kidney disease' },
  osteoarthritis: { code: '396275006', display: 'Osteoarthritis' },
  epilepsy: { code: '84757009', display: 'Epilepsy' },
} as const satisfies Record<string, Concept>;

export type ConditionName = keyof typeof conditions;

/** Allergy concepts (SNOMED CT "allergy to ..." findings). */
export const allergies = {
  penicillin: { code: '91936005', display: 'Allergy to penicillin' },
  peanut: { code: '91935009', display: 'Allergy to peanut' },
  latex: { code: '300916003', display: 'Latex allergy' },
} as const satisfies Record<string, Concept>;

/** The social prescribing referral procedure (SNOMED CT, UK extension). */
export const socialPrescribingReferral: Concept = {
  code: '871731000000106',
  display: 'Referral to social prescribing service',
};

/** CLD Primary Support Reason values. */
export const primarySupportReasons = [
  'Physical Support: Access and Mobility Only',
  'Physical Support: Personal Care Support',
  'Sensory Support: Support for Visual Impairment',
  'Sensory Support: Support for Hearing Impairment',
  'Support with Memory and Cognition',
  'Learning Disability Support',
  'Mental Health Support',
  'Social Support: Substance Misuse Support',
  'Social Support: Asylum Seeker Support',
  'Social Support: Support for Social Isolation/Other',
] as const;

/** CLD Service Type values used for long-term and short-term services. */
export const serviceTypes = [
  'Long Term Support: Nursing Care',
  'Long Term Support: Residential Care',
  'Long Term Support: Community',
  'Long Term Support: Prison',
  'Short Term Support: ST-Max',
  'Short Term Support: Ongoing Low Level',
  'Short Term Support: Other Short Term',
  'Carer Support: Direct Payment',
  'Carer Support: Part Direct Payment',
  'Carer Support: CASSR Managed Personal Budget',
  'Carer Support: Information, Advice and Other Universal Services / Signposting',
] as const;

/** CLD Support Setting values (where a long-term service is delivered). */
export const supportSettings = ['Nursing', 'Residential', 'Community', 'Prison'] as const;

/** CLD Service Component values: what the service is, within its type and setting. */
export const serviceComponents = [
  'Supported Living',
  'Home Support',
  'Day Care',
  'Shared Lives',
  'Equipment / Adaptations',
  'Meals',
  'Short Term Residential Care',
  'Support for Carer',
] as const;

/** CLD Delivery Mechanism values: how the service is paid for. */
export const deliveryMechanisms = [
  'Direct Payment',
  'CASSR Managed Personal Budget',
  'CASSR Commissioned Support',
] as const;
