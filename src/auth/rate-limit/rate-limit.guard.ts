import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../principal';

/** Counts per token, or per client address for calls without a valid token (including failed attempts). */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as AuthenticatedRequest;
    return principal ? `token:${principal.id}` : `address:${await super.getTracker(request)}`;
  }
}
