import { ApiToken } from '../auth';
import { Member } from '../members';
import { Theme } from '../themes/theme.entity';

/** Every entity, registered explicitly so the data source never depends on file globs. */
export const ENTITIES = [Member, Theme, ApiToken];
