/**
 * `npm run token -- --role archivist --archive 360100 [--sub x] [--region 360100] [--expires 8h]`
 * prints a client JWT signed with LANTAI_JWT_SECRET (the gateway's demo secret when unset),
 * for curl (`Authorization: Bearer …`) or GraphiQL (`/graphiql?token=…`).
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../protocol/identity.js';
import { DEMO_JWT_SECRET, signClientToken } from '../gateway/caller.js';

const usage = 'usage: npm run token -- --role public|archivist|supervisor|admin [--archive 360100] [--region 360100] [--sub name] [--expires 8h]';

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      archive: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
  const token = await signClientToken(
    {
      role: values.role as Role,
      expires: values.expires!,
      ...(values.sub !== undefined ? { sub: values.sub } : { sub: `demo-${values.role}` }),
      ...(values.archive !== undefined ? { archive: values.archive } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
    },
    process.env.LANTAI_JWT_SECRET || DEMO_JWT_SECRET,
  );
  console.log(token);
} catch (error) {
  console.error(`token: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
