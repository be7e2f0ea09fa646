export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-stone-600">
        <p>
          公示内容记录于只可追加、经签名的默克尔日志，任何人均可独立验证。
          <br />
          <span lang="en">
            Notices are recorded in an append-only, signed Merkle log that anyone can verify.
          </span>
        </p>
      </div>
    </footer>
  );
}
