/**
 * The shared token the browser tests' server takes FHIR messages with (`POST /api/messages`,
 * `SAMKRAFT_MESSAGES_TOKEN`), so a test can play the health network and deliver a message.
 */
export const BROWSER_MESSAGES_TOKEN = 'browser-tests-health-network-token-0123456789';
