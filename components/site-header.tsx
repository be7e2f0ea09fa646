import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-red-800 hover:underline">
          公示 · <span lang="en">Gongshi</span>
        </Link>
      </div>
    </header>
  );
}
