/**
 * A minimal but valid one-page PDF (Helvetica, ASCII text only, correct xref offsets), so
 * the demo's "application/pdf" attachments open in a PDF viewer. The first line is the heading.
 * Pure; the demo seed and the tests that upload a real PDF share it.
 */
export function asciiPdf(lines: string[]): string {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => "\\" + c);
  const [heading = "", ...rest] = lines;
  const content = ["BT", "16 TL", "56 786 Td", `/F2 14 Tf (${esc(heading)}) Tj T*`, "/F1 10.5 Tf", ...rest.map((line) => `(${esc(line)}) Tj T*`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
