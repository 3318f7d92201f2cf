import { type Static, Type } from 'typebox';
import { DateTime, pageOf, pageQuery, Uuid } from '../../http/schemas.ts';
import { roles } from '../../shared/principal.ts';

const Role = Type.Unsafe<(typeof roles)[number]>({ type: 'string', enum: [...roles] });
export const Password = Type.String({ minLength: 12, maxLength: 256, description: 'At least 12 characters' });
const Email = Type.String({ format: 'email', maxLength: 320 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateUserBody = Type.Object(
  { orgId: Uuid, email: Email, name: Name, role: Role, password: Type.Optional(Password) },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  { name: Type.Optional(Name), role: Type.Optional(Role) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Password },
  { additionalProperties: false },
);

export const userSortFields = ['name', 'email', 'role', 'createdAt', 'lastSignInAt'] as const;
export const ListUsersQuery = Type.Object(
  {
    ...pageQuery(userSortFields, 'name'),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    orgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const UserDto = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: Role,
    orgId: Uuid,
    orgName: Type.String(),
    disabled: Type.Boolean(),
    disabledAt: Type.Union([DateTime, Type.Null()]),
    lastSignInAt: Type.Union([DateTime, Type.Null()]),
    mustChangePassword: Type.Boolean(),
    createdAt: DateTime,
  },
  { $id: 'User' },
);
export type UserDto = Static<typeof UserDto>;
export const UserPage = pageOf(Type.Ref('User'));
export const CreatedUser = Type.Object({
  user: Type.Ref('User'),
  initialPassword: Type.Optional(Type.String({ description: 'Shown once, when the platform chose the password' })),
});
