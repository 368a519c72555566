export type DeviceDescription = { browser: string | null; system: string | null };

const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/Chrom(?:e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

const systems: [RegExp, string][] = [
  [/\biPhone\b|\biPad\b|\biOS\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * The browser and system a session was opened from, read from its User-Agent header: enough for a
 * person to tell "the laptop" from "the phone". Order matters — Edge and Opera also say Chrome,
 * and Chrome also says Safari. Unknown parts are null.
 */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, system: null };
  return {
    browser: browsers.find(([re]) => re.test(userAgent))?.[1] ?? null,
    system: systems.find(([re]) => re.test(userAgent))?.[1] ?? null,
  };
}
