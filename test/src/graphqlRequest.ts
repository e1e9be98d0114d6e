/** A GraphQL response as a test sees it: HTTP status and parsed body. */
export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

/** Posts a GraphQL operation over real HTTP. */
export async function graphqlRequest<TData = Record<string, unknown>>(
  url: string,
  options: {
    query: string;
    variables?: Record<string, unknown>;
    token?: string | undefined;
    headers?: Record<string, string>;
  },
): Promise<GraphQLResult<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: options.query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  let body: GraphQLResult<TData>['body'];
  try {
    body = JSON.parse(text) as GraphQLResult<TData>['body'];
  } catch {
    throw new Error(`Expected JSON from ${url}, got ${response.status}: ${text.slice(0, 300)}`);
  }
  return { status: response.status, headers: response.headers, body };
}
