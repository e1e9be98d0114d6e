/** True when the Accept header ranks text/html above every GraphQL response type. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, quality: Number.isFinite(quality) ? quality : 0 };
  });
  // RFC 9110: the most specific matching range decides a type's quality.
  const qualityOf = (mediaType: string): number => {
    const major = mediaType.split('/')[0];
    let best = { specificity: -1, quality: 0 };
    for (const range of ranges) {
      const specificity =
        range.type === mediaType ? 2 : range.type === `${major}/*` ? 1 : range.type === '*/*' ? 0 : -1;
      if (specificity > best.specificity) best = { specificity, quality: range.quality };
    }
    return best.quality;
  };
  const html = qualityOf('text/html');
  return html > 0 && html > Math.max(qualityOf('application/json'), qualityOf('application/graphql-response+json'));
}
