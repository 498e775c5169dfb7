import { z } from "zod";

export const memberRoleSchema = z.enum(["instructor", "supervisor", "trainee"]);

export const newMemberSchema = z.object({
  name: z.string().trim().min(1, "enter a name").max(120),
  email: z.string().trim().toLowerCase().email("enter a valid email address").max(254),
  password: z.string().min(10, "use at least 10 characters").max(200).optional(),
  role: memberRoleSchema,
});

export type NewMember = z.infer<typeof newMemberSchema>;

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid id");
