/*
 * Where messages leave and arrive: the real networks (VANS, KOMBIT's Beskedfordeler, later MedCom's
 * EHMI) plug in here. The default is a file drop (file-drop.transport.ts): a folder the network
 * client reads from, and one it writes to.
 */

export type OutgoingFile = { name: string; bytes: Uint8Array };

/** `size` is the file's size; `bytes` are empty when it is larger than a message may be (`MAX_MESSAGE_BYTES`). */
export type IncomingFile = { name: string; bytes: Uint8Array; size: number; receivedAt: Date };

export type Settlement = { kind: 'processed' } | { kind: 'rejected'; reason: string };

export interface MessageTransport {
  /** Hands a message to the network; when it returns, the message has left Samkraft's hands. */
  send(file: OutgoingFile): Promise<void>;
  /** The messages waiting in the inbox, oldest first, at most `limit`. */
  receive(limit: number): Promise<IncomingFile[]>;
  /** Takes a handled message out of the inbox: processed, or rejected with its reason beside it. */
  settle(file: IncomingFile, settlement: Settlement): Promise<void>;
}
