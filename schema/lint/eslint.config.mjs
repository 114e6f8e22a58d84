// @graphql-eslint on the served SDL: every schema rule (schema-all) and the Relay rules, less the ones
// that contradict our conventions. docs/schema-contract.md ("Schema linting") gives the reason for
// each rule switched off or configured here; SchemaLintTests fails on an off rule it does not list.
// Run: `npm run lint:eslint` in schema/lint (the script lints from schema/, where `files` points).
import { fileURLToPath } from 'node:url';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const schema = fileURLToPath(new URL('../cloudjet.graphql', import.meta.url));
const { 'flat/schema-all': schemaAll, 'flat/schema-relay': schemaRelay } = graphqlPlugin.configs;

// Lists stay plain lists where they are short and bounded (organizations, keys, a breach report).
const relayEdgeTypes = { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false };

export default [
  {
    files: ['cloudjet.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...schemaAll.rules,
      ...schemaRelay.rules,

      // Configured to our conventions.
      '@graphql-eslint/description-style': ['error', { style: 'inline' }],
      '@graphql-eslint/require-description': ['error', {
        types: true,
        rootField: true,
        DirectiveDefinition: true,
        FieldDefinition: true,
        InputValueDefinition: true,
        EnumValueDefinition: true,
      }],
      '@graphql-eslint/strict-id-in-types': ['error', {
        exceptions: {
          suffixes: ['Connection', 'Edge', 'Payload'],
          types: [
            'AccessLogEntry', 'BreachProfile', 'BreachReader', 'Consent', 'DataKeyCensus', 'DisclosedLegalBasis', 'KeyInventory',
            'KeyJob', 'MasterKeyCensus', 'PageInfo', 'PrivacyPolicy', 'ProcessingRestriction', 'UnattributedValues', 'VersionCount',
          ],
        },
      }],
      '@graphql-eslint/relay-edge-types': ['error', relayEdgeTypes],

      // Off: they contradict a deliberate convention.
      '@graphql-eslint/alphabetize': 'off',
      '@graphql-eslint/input-name': 'off',
      '@graphql-eslint/no-root-type': 'off',
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'off',
      '@graphql-eslint/require-deprecation-date': 'off',
      '@graphql-eslint/require-nullable-result-in-root': 'off',
      '@graphql-eslint/require-field-of-type-query-in-mutation-result': 'off',
    },
  },
];
