// GraphiQL against this gateway. Everything it needs is bundled: the gateway's Content-Security-Policy
// lets this page load and call only its own origin.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { storage } from './storage.js';

// A placeholder the caller replaces with a token.
const placeholder = 'Bearer <token>';
const exampleHeaders = JSON.stringify({ Authorization: placeholder }, null, 2);

const welcome = `# Put your bearer token in Headers below, in place of <token>.
# Without one you are anonymous: AUTH_NOT_AUTHENTICATED.
#
# Owners get a token from the login mutation:
#   mutation { login(email: "...", password: "...") { token } }
# Staff in development, from the Cli, in the repository:
#   dotnet run --project src/CloudjetGraph.Cli --
#     token --role management --sub management-demo
# Staff in production: from your identity provider.
# This page saves no token unless you turn on
# "Persist headers" in its settings.

{
  profiles(first: 5) {
    totalCount
    nodes { id fullName email phone skype organization { name } }
  }
}
`;

// The page's own gateway, at an absolute path as vite.config.js's base is.
const gateway = createGraphiQLFetcher({ url: '/graphql' });

// Until the placeholder is replaced the page asks anonymously, so the schema loads at once instead
// of the gateway refusing "<token>" with AUTH_INVALID_TOKEN.
const fetcher = (params, options) => {
  const { Authorization, ...headers } = options?.headers ?? {};
  return gateway(params, { ...options, headers: Authorization === placeholder ? headers : options?.headers });
};

createRoot(document.getElementById('graphiql')).render(
  createElement(
    GraphiQL,
    {
      fetcher,
      storage,
      defaultQuery: welcome,
      defaultHeaders: exampleHeaders,
      defaultEditorToolsVisibility: 'headers',
    },
    // GraphiQL's own logo links to another site; this page names the gateway instead.
    createElement(GraphiQL.Logo, null, 'CloudjetGraph'),
  ),
);
