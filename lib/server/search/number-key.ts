/**
 * The folded form of a document number (发文字号) for exact lookup. Visitors retype numbers
 * with other brackets and spacing (海规资[2026]17号, 海规资（2026）17 号, full-width digits), so
 * both the stored number and the query are NFKC-folded, lowercased, stripped of whitespace,
 * and every bracket style becomes [ ].
 */
export function numberKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, "")
    .replace(/[〔［【（(｛{〈《]/gu, "[")
    .replace(/[〕］】）)｝}〉》]/gu, "]");
}
