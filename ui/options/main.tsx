import { render } from 'preact';
import { t, uiLanguage } from '../../src/extension/i18n.js';
import './options.css';
import { Options } from './app.js';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
