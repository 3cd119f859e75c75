import { Body, Controller, Delete, Get, HttpCode, HttpException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UsersService } from '../../users';
import { Audited } from '../audit/audited.decorator';
import { noteAuditedSession } from '../audit/audit-context';
import { Allow, Public } from '../policies/access-policy';
import { CurrentPrincipal, type Principal } from '../principal';
import { clearSessionCookies, setSessionCookies } from '../sessions/session-cookies';
import { SessionsService } from '../sessions/sessions.service';
import { OpenSessionDto, SignInLinkRequestDto } from './dto/sign-in.dto';
import { type ClientInfo, SignInService } from './sign-in.service';

const clientOf = (request: FastifyRequest): ClientInfo => ({
  address: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Post('sign-in-links')
  @Public()
  @Audited()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Always, whether or not the address is known: a link is sent to a known address' })
  async requestLink(@Body() dto: SignInLinkRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.signIn.requestLink(dto.email, clientOf(request));
    } catch (error) {
      const retryAfter = error instanceof HttpException && (error.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) reply.header('Retry-After', String(retryAfter));
      throw error;
    }
    return { message: 'if the address belongs to a CityMatch user, a sign-in link is on its way' };
  }

  @Post('sessions')
  @Public()
  @Audited()
  @ApiCreatedResponse({ description: 'Signed in: the cm_session (httpOnly) and cm_csrf cookies are set' })
  async open(@Body() dto: OpenSessionDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, session } = await this.signIn.redeem(dto.token, clientOf(request));
    noteAuditedSession(user.id, session.id);
    setSessionCookies(request, reply, session.secret, session.csrf, session.expiresAt);
    return { user: await this.users.get(user.id), expiresAt: session.expiresAt.toISOString() };
  }

  @Get('me')
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The signed-in person; 401 without a session' })
  async me(@CurrentPrincipal() principal: Principal) {
    if (principal.method !== 'session' || !principal.userId) {
      throw new UnauthorizedException({ message: 'no session: this call carries an API token; sign in through an e-mail link' });
    }
    const user = await this.users.get(principal.userId);
    return { user: { id: user.id, email: user.email, name: user.name, role: user.role, memberId: user.memberId, timeZone: user.timeZone } };
  }

  @Delete('session')
  @Public()
  @Audited()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session ends and its cookies are cleared' })
  async signOut(
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Ends the session only for a write that proved it (CSRF); a cookie alone just gets cleared.
    if (principal?.method === 'session') await this.sessions.end(principal.id);
    clearSessionCookies(request, reply);
  }
}
