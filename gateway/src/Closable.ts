/** Something running in the background until closed. */
export interface Closable {
  /** Stops it and waits for work under way to finish; nothing of it is left running. */
  close(): Promise<void>;
}
