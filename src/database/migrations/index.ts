import { CreateMembersAndThemes1764300000000 } from './1764300000000-create-members-and-themes';

/** Every migration, oldest first; both stacks run the same list. */
export const MIGRATIONS = [CreateMembersAndThemes1764300000000];
