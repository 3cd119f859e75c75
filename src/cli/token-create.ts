import { TokensService } from '../auth/tokens/tokens.service';
import { runWithRegistry } from './run-with-registry';
import { runTokenCreate } from './token-create-command';

/** npm run token:create -- --role admin --label NAME: the first token, or any other, from a shell on the server. */
runWithRegistry(
  (app) =>
    runTokenCreate(process.argv.slice(2), app.get(TokensService), { out: (line) => console.log(line), err: (line) => console.error(line) }),
  'token',
);
