import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "页面不存在 Not found" };

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p>您访问的页面不存在或已被移动。</p>
      <p lang="en">The page you asked for does not exist.</p>
      <p>
        <Link href="/" className="text-red-800 underline">
          返回首页 <span lang="en">Back to the home page</span>
        </Link>
      </p>
    </div>
  );
}
