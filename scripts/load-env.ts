/** Scripts read the same env files as Next (.env, .env.local, …), before anything reads process.env. */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
