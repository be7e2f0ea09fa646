import type { ReactNode } from "react";

/**
 * The frame of the staff pages' tables: it scrolls sideways by itself on a narrow screen, so the
 * page never does (WCAG 1.4.10); a caption names it for screen readers; one header row of column
 * headers. The rows are the caller's.
 */
export function AdminTable({ caption, columns, dense = false, children }: { caption: string; columns: ReactNode[]; dense?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-collapse text-left ${dense ? "text-sm" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-400">
            {columns.map((column, i) => (
              <th key={i} scope="col" className={dense ? "py-2 pr-3" : "py-2 pr-4"}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
