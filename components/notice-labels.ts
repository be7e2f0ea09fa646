/** Bilingual labels for version kinds (the full i18n comes with the public portal). */
export const KIND_LABEL: Record<string, string> = {
  publish: "发布 Published",
  amend: "修订 Amended",
  correct: "更正 Corrected",
  retract: "撤回 Retracted",
};
