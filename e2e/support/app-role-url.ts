/**
 * The same database as the application role (gongshi_app, made by the migrations, see
 * docs/database-roles.md): what the e2e servers connect as, like a real deployment. Set-up
 * (dropping, migrating) and the tests' own checks keep the superuser URL they are given.
 */
export function appRoleUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = "gongshi_app";
  url.password = "";
  return url.toString();
}
