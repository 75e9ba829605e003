import { render } from 'preact';
import { t, uiLanguage } from '../../src/extension/i18n.js';
import { spawnEngine } from '../common/engine.js';
import './popup.css';
import { Popup } from './app.js';

document.documentElement.lang = uiLanguage();
document.title = t('extName');
render(<Popup engine={spawnEngine()} />, document.getElementById('app')!);
