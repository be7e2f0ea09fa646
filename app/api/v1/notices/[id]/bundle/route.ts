/** Every committed version of a notice as one file (lib/verify-service/notice-bundles-download.ts). */
export { downloadNoticeBundles as GET } from "@/lib/verify-service/notice-bundles-download";
