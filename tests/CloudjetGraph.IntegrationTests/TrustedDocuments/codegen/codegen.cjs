// The operations come from docs/examples, extracted by the test into CLOUDJET_OPERATIONS; the
// manifest (persisted-documents.json) lands in CLOUDJET_CODEGEN_OUTPUT. sha256 is the only hash
// the gateway takes as a documentId.
const path = require('node:path');

const operations = process.env.CLOUDJET_OPERATIONS;
const output = process.env.CLOUDJET_CODEGEN_OUTPUT;
if (!operations || !output) {
  throw new Error('Set CLOUDJET_OPERATIONS (a folder of .graphql files) and CLOUDJET_CODEGEN_OUTPUT.');
}

module.exports = {
  schema: path.join(__dirname, '..', '..', '..', '..', 'schema', 'cloudjet.graphql'),
  documents: path.join(operations, '*.graphql'),
  generates: {
    [output + path.sep]: {
      preset: 'client',
      presetConfig: {
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
    },
  },
};
