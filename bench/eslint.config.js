import config from "@wt/config/eslint";
export default config;
