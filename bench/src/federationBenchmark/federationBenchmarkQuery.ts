// The operation The Guild's gateway benchmark sends: graphql-hive/graphql-gateways-benchmark, k6.js
// (commit 08f5be03), the `query` of its graphqlRequest payload, copied byte for byte (indentation included)
// so gateways parse and hash exactly what they parse and hash there.

/**
 * The benchmark's query text. k6 posts it as `{"query": ...}` alone, with no operationName or
 * variables: users with their reviews, products, and authors, and topProducts likewise.
 */
export const federationBenchmarkQuery = `fragment User on User {
      id
      username
      name
    }

    fragment Review on Review {
      id
      body
    }

    fragment Product on Product {
      inStock
      name
      price
      shippingEstimate
      upc
      weight
    }

    query TestQuery {
      users {
        ...User
        reviews {
          ...Review
          product {
            ...Product
            reviews {
              ...Review
              author {
                ...User
                reviews {
                  ...Review
                  product {
                    ...Product
                  }
                }
              }
            }
          }
        }
      }
      topProducts {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }`;

/** The name of the one operation in federationBenchmarkQuery. k6 itself does not send it. */
export const federationBenchmarkOperationName = 'TestQuery';
