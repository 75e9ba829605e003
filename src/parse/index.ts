export { parsePage, PARSER_VERSION } from './segment.js';
