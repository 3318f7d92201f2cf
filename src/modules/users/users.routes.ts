import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import type { UserWithOrg } from './users.repository.ts';
import {
  ChangePasswordBody,
  CreatedUser,
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  type UserDto,
  UserPage,
} from './users.schemas.ts';
import type { UsersService } from './users.service.ts';

export const toUserDto = (row: UserWithOrg): UserDto => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as UserDto['role'],
  orgId: row.orgId,
  orgName: row.orgName,
  disabled: row.disabledAt !== null,
  disabledAt: row.disabledAt?.toISOString() ?? null,
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  mustChangePassword: row.mustChangePassword,
  createdAt: row.createdAt.toISOString(),
});

const User = Type.Ref('User');
const tags = ['users'];

export function usersRoutes(service: UsersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'List users',
          querystring: ListUsersQuery,
          response: { 200: UserPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listUsers(request.principal!, request.query);
        return { ...page, items: page.items.map(toUserDto), limit: request.query.limit, offset: request.query.offset };
      },
    );

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Create a user; without a password the platform picks one and returns it once',
          body: CreateUserBody,
          response: { 201: CreatedUser, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { user, initialPassword } = await service.createUser(request.principal!, request.body);
        return reply.status(201).send({ user: toUserDto(user), ...(initialPassword ? { initialPassword } : {}) });
      },
    );

    app.post(
      '/users/me/password',
      {
        config: { beforePasswordChange: true },
        schema: {
          tags,
          summary: 'Change your own password',
          body: ChangePasswordBody,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.changeOwnPassword(request.principal!, request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users/:id',
      { schema: { tags, summary: 'Show a user', params: IdParams, response: { 200: User, ...errorResponses } } },
      async (request) => toUserDto(await service.getUser(request.principal!, request.params.id)),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: "Change a user's name or role",
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: User, ...errorResponses },
        },
      },
      async (request) => toUserDto(await service.updateUser(request.principal!, request.params.id, request.body)),
    );

    for (const [verb, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      app.post(
        `/users/:id/${verb}`,
        {
          schema: {
            tags,
            summary: disabled ? 'Disable a user (ends their sessions and stops their tokens)' : 'Enable a user again',
            params: IdParams,
            response: { 200: User, ...errorResponses },
          },
        },
        async (request) => toUserDto(await service.setDisabled(request.principal!, request.params.id, disabled)),
      );
    }
  };
}
