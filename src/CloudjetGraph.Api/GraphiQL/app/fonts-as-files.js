// GraphiQL's style sheet embeds its fonts as data: URLs. The gateway's policy loads fonts only from
// its own origin (font-src 'self'), so this plugin writes each embedded font to a file of the bundle
// and points the style sheet at it.
import { createHash } from 'node:crypto';

const embeddedFont = /url\((["']?)data:font\/([\w.+-]+);base64,([A-Za-z0-9+/=]+)\1\)/g;

export default function fontsAsFiles(base) {
  return {
    name: 'cloudjet-fonts-as-files',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) {
          continue;
        }

        file.source = String(file.source).replace(embeddedFont, (_match, _quote, format, data) => {
          const bytes = Buffer.from(data, 'base64');
          const name = `assets/font-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${format}`;
          if (!(name in bundle)) {
            this.emitFile({ type: 'asset', fileName: name, source: bytes });
          }

          return `url(${base}${name})`;
        });
      }
    },
  };
}
