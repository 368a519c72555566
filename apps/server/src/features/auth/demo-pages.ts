export const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page of the local identity providers (demo mode and tests); no inline script. */
export function demoPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f5f5f5}main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}button{font:inherit;min-height:44px;padding:.5rem 1rem;border:2px solid #0059b3;background:#0059b3;color:#fff;border-radius:4px;cursor:pointer}
.secondary{background:#fff;color:#0059b3}ul{list-style:none;padding:0;display:grid;gap:.5rem}fieldset{margin:.5rem 0}</style></head><body><main>${body}</main></body></html>`;
}
