import { z } from 'zod';

export const pageQuery = z
  .object({
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(50),
    offset: z.coerce.number({ message: 'must be a number' }).int().min(0).max(1_000_000).default(0),
  })
  .strict();
