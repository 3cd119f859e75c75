import { parseArgs } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { auditContextStorage } from '../auth';
import { CreateTokenDto } from '../auth/tokens/dto/create-token.dto';
import type { TokensService } from '../auth/tokens/tokens.service';
import { flattenValidationErrors } from '../http/field-errors';

export const TOKEN_CREATE_USAGE =
  'usage: npm run token:create -- --role admin|secretariat|city_official --label NAME [--member MEMBER_ID] [--expires ISO_DATE]';

const FLAG_OF: Record<string, string> = { role: '--role', label: '--label', memberId: '--member', expiresAt: '--expires' };

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

/** Issues one token and prints its secret, once. The audit log records it as made from the command line. */
export async function runTokenCreate(argv: string[], tokens: TokensService, io: CommandIo): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, label: { type: 'string' }, member: { type: 'string' }, expires: { type: 'string' } },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${TOKEN_CREATE_USAGE}`);
    return 2;
  }
  const dto = plainToInstance(CreateTokenDto, {
    role: values.role,
    label: values.label,
    memberId: values.member,
    expiresAt: values.expires,
  });
  const errors = flattenValidationErrors(validateSync(dto));
  if (errors.length > 0) {
    for (const error of errors) io.err(`${FLAG_OF[error.field] ?? error.field}: ${error.message}`);
    io.err(TOKEN_CREATE_USAGE);
    return 2;
  }
  const entry = {
    tokenId: null,
    role: null,
    clientAddress: 'command line',
    method: 'CLI',
    route: 'token:create',
    entity: 'token',
    entityId: null,
  };
  try {
    const token = await auditContextStorage.run({ entry }, () => tokens.create(dto, null));
    io.out(`created ${token.role} token ${token.id} (${token.label}${token.memberId ? `, member ${token.memberId}` : ''})`);
    io.out('its secret, shown this once:');
    io.out(token.secret);
    return 0;
  } catch (error) {
    const details = (error as { response?: { details?: Array<{ field: string; message: string }> } }).response?.details;
    if (!details) throw error;
    for (const detail of details) io.err(`${FLAG_OF[detail.field] ?? detail.field}: ${detail.message}`);
    return 1;
  }
}
