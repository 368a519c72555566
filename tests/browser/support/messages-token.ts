/**
 * The shared server's `SAMKRAFT_MESSAGES_TOKEN` (global-setup.ts), so a test can post a MedCom
 * message to `POST /api/messages` as the health network's proxy would. A test value only.
 */
export const BROWSER_MESSAGES_TOKEN = 'browser-tests-messages-token-0123456789abcdef';
