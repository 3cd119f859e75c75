export { DigestsModule, DigestsJobsModule } from './digests.module';
export { DigestsService } from './digests.service';
