import type { JWTPayload } from 'jose';

const segmentPattern = /^([^[\]]+)(?:\[([^=\]]+)=([^\]]+)\])?$/;

/**
 * The value at `path` in a token's claims: names separated by dots (`organisation.code`), where a
 * name may pick one element of a list by a field matching another claim,
 * `nhsid_nrbac_roles[person_roleid=selected_roleid]` (the role profile CIS2 says is selected).
 * Undefined when anything on the way is missing, so a token without a claim is refused, not guessed at.
 */
export function readClaim(payload: JWTPayload, path: string): unknown {
  if (path === '') return undefined;
  let value: unknown = payload;
  for (const segment of path.split('.')) {
    const match = segmentPattern.exec(segment);
    if (!match || !isRecord(value)) return undefined;
    const [, name = '', field, other] = match;
    value = value[name];
    if (field === undefined || other === undefined) continue;
    const wanted = readClaim(payload, other);
    if (!Array.isArray(value) || wanted === undefined) return undefined;
    value = value.find((element) => isRecord(element) && element[field] === wanted);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
