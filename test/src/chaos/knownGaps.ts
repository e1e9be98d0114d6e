/** A way the federation is known to fall short of the suite's goal while one agency is at fault. */
export interface KnownGap {
  /** The other agencies' Person fields that may be lost, or '*' for all of them. */
  fields: string[] | '*';
  /** Fields that may go missing with no error at their path. */
  silent: string[];
  because: string;
}

/**
 * The gaps the suite measures today, by the agency at fault. The suite holds each to what it says
 * and fails once a gap has closed, so that this list, the README and bench/README.md say what is
 * true: remove an entry when the work it names lands.
 */
// None today: with any one agency down, a person is still reached by NHS number (the gateway's
// directory) and the fields that gather several agencies' parts answer from the rest, naming it.
export const knownGaps: Record<string, KnownGap> = {};
