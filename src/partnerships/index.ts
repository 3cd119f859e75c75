// The partnerships feature's public face: other features import only what is exported here.
export { PartnershipsJobsModule, PartnershipsModule } from './partnerships.module';
export { BoardService } from './board.service';
export { DormancyService } from './dormancy.service';
export { PartnershipsService } from './partnerships.service';
export { OPEN_STAGES, PARTNER_STAGES, STAGES, TRANSITIONS, type Stage } from './partnership-stages';
export { DemoPartnershipsService } from './seed/demo-partnerships.service';
