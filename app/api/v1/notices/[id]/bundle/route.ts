/** Every committed version of a notice as one file (lib/server/verify-service/notice-bundles-download.ts). */
export { downloadNoticeBundles as GET } from "@/lib/server/verify-service/notice-bundles-download";
