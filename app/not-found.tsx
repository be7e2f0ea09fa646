/** Outside any locale (a path the locale proxy did not route): a bilingual page of its own. */
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="mx-auto max-w-2xl p-8 font-sans">
        <h1 className="text-2xl font-bold">页面不存在</h1>
        <p lang="en">Page not found.</p>
        <p>
          <a href="/" className="text-red-800 underline">
            返回首页 <span lang="en">Home</span>
          </a>
        </p>
      </body>
    </html>
  );
}
