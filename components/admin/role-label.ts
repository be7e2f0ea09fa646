/** Role -> its label key in the "admin" namespace. */
export const ROLE_LABEL = { administrator: "roleAdministrator", clerk: "roleClerk", auditor: "roleAuditor" } as const;
