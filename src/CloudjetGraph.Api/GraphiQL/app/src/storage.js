// GraphiQL's history keeps every run's headers, a bearer token with them, in localStorage, whatever
// its "Persist headers" setting says. This is localStorage for GraphiQL with the headers left out of
// the history and favourites, so that a token outlives the page only where the user asked for it.
const historyKeys = new Set(['graphiql:queries', 'graphiql:favorites']);

const withoutHeaders = (value) => JSON.stringify(JSON.parse(value), (key, item) => (key === 'headers' ? undefined : item));

const ownKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('graphiql:'));

export const storage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, historyKeys.has(key) ? withoutHeaders(value) : value),
  removeItem: (key) => localStorage.removeItem(key),
  clear: () => ownKeys().forEach((key) => localStorage.removeItem(key)),
  get length() {
    return ownKeys().length;
  },
};
