/** A localized refusal for staff pages (403): says why, without naming what was refused. */
export function StaffRefusal({ title, message }: { title: string; message: string }) {
  return (
    <section className="space-y-4" data-status="403">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p role="alert">{message}</p>
    </section>
  );
}
