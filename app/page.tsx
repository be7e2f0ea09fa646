export default function HomePage() {
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">
        公示 · <span lang="en">Gongshi</span>
      </h1>

      <section aria-labelledby="about-zh" className="space-y-3">
        <h2 id="about-zh" className="text-xl font-semibold">
          每一份公示都可验证
        </h2>
        <p className="leading-relaxed">
          本站发布的每一份公示及其每一次修改，都会记录在一个只可追加、经数字签名的默克尔日志中。
          任何人都可以在自己的浏览器中或离线验证：公示内容正是发布机构所发布的，发布于何时，且此后从未被悄悄改写或删除。
        </p>
      </section>

      <section lang="en" aria-labelledby="about-en" className="space-y-3">
        <h2 id="about-en" className="text-xl font-semibold">
          Every notice can be verified
        </h2>
        <p className="leading-relaxed">
          Every notice published here, and every later change to it, is recorded in an append-only,
          signed Merkle log. Anyone can verify — in their own browser or offline — that a notice is
          exactly what the agency published, when it was published, and that nothing has been quietly
          rewritten or removed since.
        </p>
      </section>
    </div>
  );
}
