/** The agency's name as a field prefix: social-care gives socialCare (socialCareAccessLog). */
export function agencyFieldPrefix(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The agency's name as a type prefix: social-care gives SocialCare (SocialCarePlan). */
export function agencyTypePrefix(name: string): string {
  const field = agencyFieldPrefix(name);
  return `${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}
