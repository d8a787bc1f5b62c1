import type { UserView } from './dto/user-view.dto.js';
import type { User } from './user.entity.js';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    roles: [...user.roles],
    status: user.status,
    createdAt: user.createdAt.toISOString(),
  };
}
