/**
 * The app's Content-Security-Policy, one definition for the Electron response header and the
 * `<meta>` tag of production builds (browser and Electron renderer).
 */

/**
 * The Content-Security-Policy of the app's pages. In development the dev server also needs
 * its WebSocket (HMR) in connect-src and the React Refresh inline preamble in script-src;
 * the production policy allows neither.
 */
export function buildContentSecurityPolicy(devServerUrl?: string, options: { forMetaTag?: boolean } = {}): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const ws = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : undefined;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ws ? ["'self'", ws] : ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    // frame-ancestors is ignored (with a console warning) in a <meta> policy.
    ...(options.forMetaTag ? [] : ([['frame-ancestors', ["'none'"]]] as Array<[string, string[]]>)),
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}


/**
 * A Vite plugin (structurally typed, so this module stays free of build-tool imports) that
 * puts the production policy into `index.html` as a `<meta>` tag at build time. Dev servers
 * are left alone (they need an inline preamble). In Electron, main also sends the policy as
 * a response header; the tag is the backstop and the only policy in the browser build.
 */
export function cspMetaTagPlugin(): { name: string; apply: 'build'; transformIndexHtml: (html: string) => string } {
  return {
    name: 'isnad-csp-meta',
    apply: 'build',
    transformIndexHtml(html: string): string {
      const tag = `<meta http-equiv="Content-Security-Policy" content="${buildContentSecurityPolicy(undefined, { forMetaTag: true })}" />`;
      return html.replace(/<meta charset="UTF-8" \/>/, (charset) => `${charset}\n    ${tag}`);
    },
  };
}
