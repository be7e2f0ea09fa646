"use client";
import { useState, type ReactNode } from "react";

/**
 * A dashed box a file can be dropped on. It only enhances the file input inside it, which stays
 * the keyboard and screen-reader way in; the box is highlighted while a file is dragged over it.
 */
export function FileDropZone({ onFile, testId, className, children }: { onFile: (file: File | undefined) => void; testId: string; className: string; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFile(e.dataTransfer.files[0]);
      }}
      data-testid={testId}
      className={`rounded-lg border-2 border-dashed ${className} ${over ? "border-red-800 bg-red-50" : "border-stone-500 bg-stone-50"}`}
    >
      {children}
    </div>
  );
}
