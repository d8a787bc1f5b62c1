export { API_PREFIX, type AppLaunch, runApp } from './run-app.js';
