import { CreateMembersAndThemes1764300000000 } from './1764300000000-create-members-and-themes';
import { CreateSuggestionsAndOutbox1764300100000 } from './1764300100000-create-suggestions-and-outbox';
import { StoreEachSuggestionListAsOneRow1764400000000 } from './1764400000000-store-each-suggestion-list-as-one-row';
import { NotifyReadersOfChanges1764400100000 } from './1764400100000-notify-readers-of-changes';
import { CreateApiTokensAndAuditLog1764500000000 } from './1764500000000-create-api-tokens-and-audit-log';
import { StoreSuggestionComponents1764600000000 } from './1764600000000-store-suggestion-components';
import { KeepGenerationSnapshotsAsJsonText1764700000000 } from './1764700000000-keep-generation-snapshots-as-json-text';
import { KeepSuggestionListsInLine1764700100000 } from './1764700100000-keep-suggestion-lists-in-line';
import { CreateUsersSessionsAndSignInLinks1764820000000 } from './1764820000000-create-users-sessions-and-sign-in-links';
import { RecordOpennessAndCapacityOfMembers1764840000000 } from './1764840000000-record-openness-and-capacity-of-members';
import { CreateCountryPairExclusions1764840100000 } from './1764840100000-create-country-pair-exclusions';
import { SearchMemberNamesWithoutAccents1764850000000 } from './1764850000000-search-member-names-without-accents';
import { CreatePartnershipsInterestsAndNotifications1764870000000 } from './1764870000000-create-partnerships-interests-and-notifications';
import { KeepBalancedDefaultLists1764890000000 } from './1764890000000-keep-balanced-default-lists';
import { IndexTheFilteredPartnershipList1764900000000 } from './1764900000000-index-the-filtered-partnership-list';
import { CreateDigestDeliveries1764820100000 } from './1764820100000-create-digest-deliveries';
import { RememberWhatEachDigestCovered1764880000000 } from './1764880000000-remember-what-each-digest-covered';
import { IndexPartnershipsForTheBoardAndList1764880100000 } from './1764880100000-index-partnerships-for-the-board-and-list';

import { CountPartnershipChanges1765000000000 } from './1765000000000-count-partnership-changes';
/** Every migration, oldest first; both stacks run the same list. */
export const MIGRATIONS = [
  CreateMembersAndThemes1764300000000,
  CreateSuggestionsAndOutbox1764300100000,
  StoreEachSuggestionListAsOneRow1764400000000,
  NotifyReadersOfChanges1764400100000,
  CreateApiTokensAndAuditLog1764500000000,
  StoreSuggestionComponents1764600000000,
  KeepGenerationSnapshotsAsJsonText1764700000000,
  KeepSuggestionListsInLine1764700100000,
  CreateUsersSessionsAndSignInLinks1764820000000,
  CreateDigestDeliveries1764820100000,
  RecordOpennessAndCapacityOfMembers1764840000000,
  CreateCountryPairExclusions1764840100000,
  SearchMemberNamesWithoutAccents1764850000000,
  CreatePartnershipsInterestsAndNotifications1764870000000,
  RememberWhatEachDigestCovered1764880000000,
  IndexPartnershipsForTheBoardAndList1764880100000,
  KeepBalancedDefaultLists1764890000000,
  IndexTheFilteredPartnershipList1764900000000,
  CountPartnershipChanges1765000000000,
];
