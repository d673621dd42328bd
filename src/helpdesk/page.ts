import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

/** The help-desk console: plain HTML and JavaScript modules, served as they are (no build step). */
export const HELPDESK_PAGE_DIR = path.join(PROJECT_ROOT, 'public', 'helpdesk');
