import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../principal';
import { trackerFor } from './rate-limit-rules';

/** Counts per token, or per client address for calls without a valid token (including failed attempts). */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as AuthenticatedRequest;
    return trackerFor(principal, await super.getTracker(request));
  }
}
