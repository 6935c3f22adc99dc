import config from '@wt/config/eslint/react';
export default config;
