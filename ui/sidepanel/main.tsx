import { render } from 'preact';
import { t, uiLanguage } from '../../src/extension/i18n.js';
import { spawnEngine } from '../common/engine.js';
import './sidepanel.css';
import { SidePanel } from './app.js';

document.documentElement.lang = uiLanguage();
document.title = t('sidePanelTitle');
render(<SidePanel engine={spawnEngine()} />, document.getElementById('app')!);
