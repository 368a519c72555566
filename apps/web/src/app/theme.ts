import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Blues around the Danish design system's primary #0059b3 (shade 6 is the primary). */
const samkraftBlue: MantineColorsTuple = [
  '#e6eff8',
  '#cce0f2',
  '#99c1e6',
  '#66a1d9',
  '#3382cc',
  '#1a6fc0',
  '#0059b3',
  '#004e9e',
  '#004080',
  '#002f5f',
];

const fontFamily = "'IBM Plex Sans', system-ui, -apple-system, 'Segoe UI', Arial, sans-serif";

export const theme = createTheme({
  fontFamily,
  headings: {
    fontFamily,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '2rem', lineHeight: '1.25' },
      h2: { fontSize: '1.5rem', lineHeight: '1.3' },
      h3: { fontSize: '1.25rem', lineHeight: '1.35' },
    },
  },
  primaryColor: 'samkraftBlue',
  primaryShade: 6,
  colors: { samkraftBlue },
  black: '#1a1a1a',
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** Darker secondary text than Mantine's default so it passes WCAG AA on white and light grey. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-text': '#1a1a1a',
    '--mantine-color-dimmed': '#545454',
    '--mantine-color-placeholder': '#6b6b6b',
    // The design system's error red; Mantine's default red-6 is too light for small text.
    '--mantine-color-error': '#b51d09',
  },
  dark: {},
});
