// GraphiQL's and Monaco's style sheets embed fonts and images as data: URLs. The gateway's policy
// loads fonts and images only from its own origin (font-src and img-src 'self'), so this plugin
// writes each embedded file to the bundle and points the style sheet at it.
import { createHash } from 'node:crypto';

const embedded = /url\((["']?)data:(?:font|image)\/([\w.-]+)(?:\+xml)?;base64,([A-Za-z0-9+/=]+)\1\)/g;

export default function embeddedAsFiles(base) {
  return {
    name: 'cloudjet-embedded-as-files',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) {
          continue;
        }

        file.source = String(file.source).replace(embedded, (_match, _quote, format, data) => {
          const bytes = Buffer.from(data, 'base64');
          const name = `assets/embedded-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${format}`;
          if (!(name in bundle)) {
            this.emitFile({ type: 'asset', fileName: name, source: bytes });
          }

          return `url(${base}${name})`;
        });
      }
    },
  };
}
